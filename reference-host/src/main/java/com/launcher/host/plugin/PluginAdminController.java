package com.launcher.host.plugin;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host's plugin API: anyone signed in may list plugins; only platform admins start,
 * stop or reload them.
 */
@RestController
@RequestMapping("/launcher/api/plugins")
class PluginAdminController {

	private final PluginHost pluginHost;

	PluginAdminController(PluginHost pluginHost) {
		this.pluginHost = pluginHost;
	}

	@GetMapping
	List<PluginHost.PluginInfo> list() {
		return this.pluginHost.plugins();
	}

	@PostMapping("/{id}/start")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	PluginHost.PluginInfo start(@PathVariable String id) {
		return this.pluginHost.start(id);
	}

	@PostMapping("/{id}/stop")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	PluginHost.PluginInfo stop(@PathVariable String id) {
		return this.pluginHost.stop(id);
	}

	@PostMapping("/{id}/reload")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	PluginHost.PluginInfo reload(@PathVariable String id) {
		return this.pluginHost.reload(id);
	}

	@ExceptionHandler(PluginNotFoundException.class)
	ProblemDetail notFound() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such plugin.");
		problem.setProperty("code", "plugin_not_found");
		return problem;
	}

	@ExceptionHandler(PluginOperationException.class)
	ProblemDetail conflict(PluginOperationException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
		problem.setProperty("code", "plugin_state_conflict");
		return problem;
	}

}
