package com.launcher.host.web;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** How the host answers every well-known metadata request (RFC 8414, RFC 9728). */
public final class WellKnownResponses {

	private WellKnownResponses() {
	}

	/**
	 * The document as JSON that anyone may read cross-origin and cache for a few minutes,
	 * or 404. The header is set on the servlet response, replacing the one CORS
	 * processing may have added, so a browser never sees it twice.
	 * @param document the document, or {@code null}
	 * @param response the servlet response
	 * @return the answer
	 */
	public static ResponseEntity<Map<String, Object>> json(Map<String, Object> document, HttpServletResponse response) {
		response.setHeader("Access-Control-Allow-Origin", "*");
		if (document == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)))
			.body(document);
	}

}
