package org.orchestrator.modulefixture.system;

public class Problem {

}
