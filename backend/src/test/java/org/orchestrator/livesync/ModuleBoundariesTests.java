package org.orchestrator.livesync;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The top-level packages are modules: {@code system}, {@code crypto}, {@code inventory},
 * {@code security} and {@code sync}. Each exposes the types in its base package; what
 * sits under {@code internal} is its own. Dependencies between modules form no cycle, so
 * {@code system} depends on nobody and {@code sync} may use everyone.
 */
class ModuleBoundariesTests {

	static final ApplicationModules MODULES = ApplicationModules.of(LiveSyncApplication.class);

	@Test
	void modulesUseOnlyEachOthersPublicTypesAndFormNoCycle() {
		MODULES.verify();
	}

	@Test
	void aBackEdgeIntoAnotherModulesInternalsFailsTheCheck() {
		assertThatExceptionOfType(Violations.class)
			.isThrownBy(() -> ApplicationModules.of("org.orchestrator.modulefixture", (location) -> true).verify())
			.withMessageContaining("Module 'system' depends on non-exposed type "
					+ "org.orchestrator.modulefixture.inventory.internal.ItemController within module 'inventory'")
			.withMessageContaining("Cycle detected");
	}

}
