package com.launcher.host.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a plugin's static files ({@code static/{pluginId}/…} in its class loader) at
 * {@code /plugins/{pluginId}/static/…}. Only a few harmless types are served.
 */
@RestController
class PluginStaticResourceController {

	private static final Map<String, MediaType> TYPES = Map.of("css", MediaType.valueOf("text/css"), "js",
			MediaType.valueOf("text/javascript"), "svg", MediaType.valueOf("image/svg+xml"), "png",
			MediaType.IMAGE_PNG);

	private final PluginTemplateResolver templates;

	PluginStaticResourceController(PluginTemplateResolver templates) {
		this.templates = templates;
	}

	@GetMapping("/plugins/{pluginId}/static/**")
	ResponseEntity<byte[]> resource(@PathVariable String pluginId, HttpServletRequest request) throws IOException {
		String prefix = "/plugins/" + pluginId + "/static/";
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String relative = path.substring(Math.min(prefix.length(), path.length()));
		ClassLoader loader = this.templates.classLoader(pluginId);
		MediaType type = TYPES.get(relative.substring(relative.lastIndexOf('.') + 1));
		if (loader == null || type == null || relative.contains("..") || relative.isEmpty()) {
			return ResponseEntity.notFound().build();
		}
		URL url = loader.getResource("static/" + pluginId + "/" + relative);
		if (url == null) {
			return ResponseEntity.notFound().build();
		}
		try (InputStream in = url.openStream()) {
			return ResponseEntity.ok()
				.contentType(type)
				.cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
				.header("X-Content-Type-Options", "nosniff")
				.body(in.readAllBytes());
		}
	}

}
