package com.launcher.tasker.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerCredentialRejectedException;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerForbiddenException;
import com.launcher.host.api.tasker.TaskerInvalidRequestException;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerOutcomeUnknownException;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import tools.jackson.databind.JsonNode;

/**
 * Turns Plane's error answers (every body shape of plane-api.md §6) into typed failures
 * whose messages are fixed; Tasker's own texts survive only as validation field messages.
 */
final class PlaneErrors {

	static final String INVALID_TOKEN = "Given API token is not valid";

	private static final int MAX_MESSAGES = 50;

	private static final int MAX_MESSAGE_LENGTH = 300;

	private PlaneErrors() {
	}

	static boolean isRouteNotFound(int status, JsonNode body) {
		return status == 404 && body != null && "Page not found.".equals(text(body.get("error")));
	}

	static TaskerException toException(int status, HttpHeaders headers, JsonNode body, boolean write) {
		if (status == 401) {
			return new TaskerCredentialRejectedException();
		}
		if (status == 403) {
			// plane-api.md §9 item 9: a bad key is a 403 with this detail, not a 401.
			return INVALID_TOKEN.equals(text(field(body, "detail"))) ? new TaskerCredentialRejectedException()
					: new TaskerForbiddenException();
		}
		if (status == 404) {
			return new TaskerNotFoundException();
		}
		if (status == 409) {
			UUID id = uuid(text(field(body, "id")));
			return (id != null) ? new TaskerAlreadyExistsException(id)
					: new TaskerInvalidRequestException(messages(body));
		}
		if (status == 429) {
			return new TaskerRateLimitedException(retryAfter(headers));
		}
		if (status >= 500) {
			// A write that met a server error may have been partly applied; a read did no
			// harm.
			return write ? new TaskerOutcomeUnknownException(null) : new TaskerUnavailableException();
		}
		if (status == 400 || status == 413 || status == 415 || status == 422) {
			return new TaskerInvalidRequestException(messages(body));
		}
		// Redirects (never followed), 405 and the rest mean the client and Tasker
		// disagree.
		return new TaskerUnavailableException();
	}

	static Duration retryAfter(HttpHeaders headers) {
		String value = headers.firstValue("Retry-After").orElse("");
		try {
			long seconds = Long.parseLong(value.trim());
			return Duration.ofSeconds(Math.max(0, Math.min(seconds, 3600)));
		}
		catch (NumberFormatException ex) {
			return Duration.ofSeconds(60);
		}
	}

	/**
	 * Field messages from any 4xx body: field-keyed lists, index-keyed nested maps,
	 * {@code detail}, {@code error}, {@code error_message} or {@code message}.
	 */
	static Map<String, List<String>> messages(JsonNode body) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		if (body != null && body.isObject()) {
			for (Map.Entry<String, JsonNode> entry : body.properties()) {
				collect(entry.getKey(), entry.getValue(), out, 0);
			}
		}
		if (out.isEmpty()) {
			out.put("error", List.of("invalid request"));
		}
		return out;
	}

	private static void collect(String key, JsonNode node, Map<String, List<String>> out, int depth) {
		if (out.size() >= MAX_MESSAGES || depth > 3 || key.equals("id") || key.equals("error_code")
				|| key.equals("code")) {
			return;
		}
		if (node.isString()) {
			out.computeIfAbsent(key, (k) -> new ArrayList<>()).add(clip(node.stringValue()));
		}
		else if (node.isArray()) {
			for (JsonNode element : node.values()) {
				if (element.isString()) {
					out.computeIfAbsent(key, (k) -> new ArrayList<>()).add(clip(element.stringValue()));
				}
				else if (element.isObject()) {
					collectObject(key, element, out, depth);
				}
			}
		}
		else if (node.isObject()) {
			collectObject(key, node, out, depth);
		}
	}

	private static void collectObject(String key, JsonNode node, Map<String, List<String>> out, int depth) {
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			collect(key + "[" + entry.getKey() + "]", entry.getValue(), out, depth + 1);
		}
	}

	private static String clip(String text) {
		return (text.length() > MAX_MESSAGE_LENGTH) ? text.substring(0, MAX_MESSAGE_LENGTH) : text;
	}

	private static JsonNode field(JsonNode body, String name) {
		return (body != null && body.isObject()) ? body.get(name) : null;
	}

	static String text(JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

	static UUID uuid(String text) {
		if (text == null) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
