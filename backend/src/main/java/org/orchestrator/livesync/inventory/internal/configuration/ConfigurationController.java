package org.orchestrator.livesync.inventory.internal.configuration;

import io.swagger.v3.oas.annotations.tags.Tag;

import org.orchestrator.livesync.inventory.internal.ItemController;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Configurations (YAML configs, playbooks, templates), addressed by name. */
@Tag(name = "Configurations", description = "YAML configs, playbooks and templates")
@RestController
@RequestMapping("/api/v1/configurations")
class ConfigurationController extends ItemController<Configuration, ConfigurationView> {

	ConfigurationController(ConfigurationService configurations) {
		super(configurations);
	}

}
