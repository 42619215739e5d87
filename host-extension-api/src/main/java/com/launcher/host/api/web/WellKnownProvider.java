package com.launcher.host.api.web;

import java.util.Map;
import java.util.Optional;

/**
 * Makes a plugin's well-known metadata document (RFC 8615; for example RFC 8414 §2
 * authorization server metadata) for one request.
 */
@FunctionalInterface
public interface WellKnownProvider {

	/**
	 * The document as a JSON object: values are strings, numbers, booleans, lists and
	 * maps of those. Called on a request thread; must not throw for ordinary requests.
	 * @param request the request's external base URL and the plugin
	 * @return the document, or empty for 404
	 */
	Optional<Map<String, Object>> document(WellKnownRequest request);

}
