package org.orchestrator.livesync;

import org.orchestrator.livesync.system.StartupProblem;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class LiveSyncApplication {

	public static void main(String[] args) {
		try {
			SpringApplication.run(LiveSyncApplication.class, args);
		}
		catch (RuntimeException ex) {
			// A known start-up problem has already been printed as one line: no stack
			// trace.
			if (StartupProblem.in(ex) != null) {
				System.exit(1);
			}
			throw ex;
		}
	}

}
