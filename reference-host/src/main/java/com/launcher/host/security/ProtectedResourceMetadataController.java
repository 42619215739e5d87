package com.launcher.host.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.host.api.web.ProtectedResource;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728 §3) for every plugin resource. No
 * {@code authorization_servers} is named, because agents' tokens are minted by the
 * plugin, not by an authorization server (naming one that does not exist breaks MCP
 * clients).
 */
@RestController
class ProtectedResourceMetadataController {

	private static final String PREFIX = "/.well-known/oauth-protected-resource";

	private final PluginProtectedResources resources;

	ProtectedResourceMetadataController(PluginProtectedResources resources) {
		this.resources = resources;
	}

	@GetMapping(PREFIX + "/plugins/**")
	ResponseEntity<Map<String, Object>> metadata(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
		ProtectedResource resource = this.resources.find(path).orElse(null);
		if (resource == null) {
			return ResponseEntity.notFound().build();
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("resource", ServletUriComponentsBuilder.fromContextPath(request).path(path).build().toUriString());
		body.put("bearer_methods_supported", List.of("header"));
		if (resource.resourceName() != null) {
			body.put("resource_name", resource.resourceName());
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(body);
	}

}
