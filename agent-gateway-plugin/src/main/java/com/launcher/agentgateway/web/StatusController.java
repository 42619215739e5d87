package com.launcher.agentgateway.web;

import java.util.Map;

import com.launcher.host.api.LauncherPluginContext;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /status}: whether the plugin is up, for operators and probes. */
@RestController
class StatusController {

	private final LauncherPluginContext context;

	StatusController(LauncherPluginContext context) {
		this.context = context;
	}

	@GetMapping(path = "/status", produces = "application/json")
	Map<String, Object> status() {
		return Map.of("plugin", this.context.pluginId(), "status", "UP", "version",
				String.valueOf(getClass().getPackage().getImplementationVersion()));
	}

}
