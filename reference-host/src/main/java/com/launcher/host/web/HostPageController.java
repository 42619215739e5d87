package com.launcher.host.web;

import java.util.Map;

import com.launcher.host.plugin.PluginHost;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The host's own pages: sign-in, the start page, and a health probe. */
@Controller
class HostPageController {

	private final PluginHost pluginHost;

	private final HostCurrentUser currentUser;

	HostPageController(PluginHost pluginHost, HostCurrentUser currentUser) {
		this.pluginHost = pluginHost;
		this.currentUser = currentUser;
	}

	@GetMapping("/login")
	String login() {
		return "launcher/login";
	}

	@GetMapping("/")
	String index(Model model) {
		model.addAttribute("user", this.currentUser.get().orElse(null));
		model.addAttribute("plugins", this.pluginHost.plugins());
		return "launcher/index";
	}

	@GetMapping("/launcher/health")
	@ResponseBody
	Map<String, Object> health() {
		return Map.of("status", "UP", "plugins", this.pluginHost.plugins());
	}

}
