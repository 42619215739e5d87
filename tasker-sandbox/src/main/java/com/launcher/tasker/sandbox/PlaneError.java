package com.launcher.tasker.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An answer other than success, with Plane's exact body (plane-api.md §6).
 */
final class PlaneError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	static final String NOT_EXIST = "The requested resource does not exist.";

	private final int status;

	private final transient Object body;

	PlaneError(int status, Object body) {
		super(null, null, false, false);
		this.status = status;
		this.body = body;
	}

	int status() {
		return this.status;
	}

	Object body() {
		return this.body;
	}

	static PlaneError pageNotFound() {
		return new PlaneError(404, Map.of("error", "Page not found."));
	}

	static PlaneError notFound() {
		return new PlaneError(404, Map.of("error", NOT_EXIST));
	}

	static PlaneError forbidden() {
		return new PlaneError(403, Map.of("detail", "You do not have permission to perform this action."));
	}

	static PlaneError serverError() {
		return new PlaneError(500, Map.of("error", "Something went wrong please try again later"));
	}

	static PlaneError detail(int status, String detail) {
		return new PlaneError(status, Map.of("detail", detail));
	}

	static PlaneError fields(Map<String, ?> fields) {
		return new PlaneError(400, fields);
	}

	static PlaneError conflict(String message, UUID id) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", message);
		body.put("id", id.toString());
		return new PlaneError(409, body);
	}

}
