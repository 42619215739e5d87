package com.launcher.host.security;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.host.api.web.ProtectedResource;
import com.launcher.host.web.BaseUrlResolver;
import com.launcher.host.web.WellKnownResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * OAuth 2.0 Protected Resource Metadata (RFC 9728 §3) for every plugin resource, and for
 * nothing else. It states only what the host and plugin do: tokens in the header, and
 * {@code authorization_servers} only when the plugin says it is one (naming a server that
 * does not exist breaks MCP clients). Spring Security's own metadata filter is kept off
 * these paths: it claims certificate-bound tokens (RFC 8705) for any path.
 */
@RestController
class ProtectedResourceMetadataController {

	static final String PREFIX = "/.well-known/oauth-protected-resource";

	private final PluginProtectedResources resources;

	private final BaseUrlResolver baseUrls;

	ProtectedResourceMetadataController(PluginProtectedResources resources, BaseUrlResolver baseUrls) {
		this.resources = resources;
		this.baseUrls = baseUrls;
	}

	@CrossOrigin(origins = "*", methods = RequestMethod.GET, allowedHeaders = "*", maxAge = 86400)
	@GetMapping(PREFIX + "/plugins/**")
	ResponseEntity<Map<String, Object>> metadata(HttpServletRequest request, HttpServletResponse response) {
		String path = SecurityConfiguration.pathOf(request).substring(PREFIX.length());
		ProtectedResource resource = this.resources.find(path).orElse(null);
		if (resource == null) {
			return WellKnownResponses.json(null, response);
		}
		URI base = this.baseUrls.resolve(request);
		Map<String, Object> body = new LinkedHashMap<>();
		// RFC 9728 §3.3: the resource identifier is the URL the client used.
		body.put("resource", base + path);
		if (resource.pluginIsAuthorizationServer()) {
			body.put("authorization_servers", List.of(base + pluginBase(path)));
		}
		if (!resource.scopesSupported().isEmpty()) {
			body.put("scopes_supported", resource.scopesSupported());
		}
		body.put("bearer_methods_supported", List.of("header"));
		if (resource.resourceName() != null) {
			body.put("resource_name", resource.resourceName());
		}
		return WellKnownResponses.json(body, response);
	}

	// "/plugins/{id}/mcp" → "/plugins/{id}"
	private static String pluginBase(String path) {
		int end = path.indexOf('/', "/plugins/".length());
		return (end < 0) ? path : path.substring(0, end);
	}

}
