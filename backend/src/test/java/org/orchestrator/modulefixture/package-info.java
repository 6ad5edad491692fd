/**
 * Two modules with a back-edge, for {@code ModuleBoundariesTests} to prove that the check
 * it relies on catches one: {@code system} reaches into {@code inventory}'s internals, as
 * {@code system/OpenApiConfig} once did.
 */
package org.orchestrator.modulefixture;
