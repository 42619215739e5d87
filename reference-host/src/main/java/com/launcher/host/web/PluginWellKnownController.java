package com.launcher.host.web;

import java.util.Map;
import java.util.Optional;

import com.launcher.host.api.web.WellKnownProvider;
import com.launcher.host.api.web.WellKnownRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves plugins' well-known documents at {@code /.well-known/{name}/plugins/{pluginId}}
 * (RFC 8414 §3.1 path insertion for the issuer {@code {base}/plugins/{pluginId}}).
 */
@RestController
class PluginWellKnownController {

	private static final Logger logger = LoggerFactory.getLogger(PluginWellKnownController.class);

	private final PluginWellKnownDocuments documents;

	private final BaseUrlResolver baseUrls;

	PluginWellKnownController(PluginWellKnownDocuments documents, BaseUrlResolver baseUrls) {
		this.documents = documents;
		this.baseUrls = baseUrls;
	}

	// Browser-based MCP clients fetch metadata cross-origin, some with an
	// MCP-Protocol-Version header that needs a preflight: any origin, GET only, no
	// credentials.
	@CrossOrigin(origins = "*", methods = RequestMethod.GET, allowedHeaders = "*", maxAge = 86400)
	@GetMapping("/.well-known/{name}/plugins/{pluginId}")
	ResponseEntity<Map<String, Object>> document(@PathVariable String name, @PathVariable String pluginId,
			HttpServletRequest request, HttpServletResponse response) {
		WellKnownProvider provider = this.documents.find(name, pluginId).orElse(null);
		Optional<Map<String, Object>> document = Optional.empty();
		if (provider != null) {
			try {
				document = provider.document(new WellKnownRequest(this.baseUrls.resolve(request), pluginId));
			}
			catch (RuntimeException ex) {
				// A plugin's failure is its own: the client sees "no such document".
				logger.warn("Well-known provider {} of plugin {} failed: {}", name, pluginId,
						ex.getClass().getSimpleName());
			}
		}
		return WellKnownResponses.json(document.orElse(null), response);
	}

}
