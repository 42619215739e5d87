package com.launcher.tasker.sandbox;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.tasker.sandbox.PlaneApi.Request;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reading request bodies the way Plane's views do: DRF's JSON parsing errors, and the
 * lenient id and datetime reads of the fields Plane copies from the body.
 */
final class RequestBodies {

	private RequestBodies() {
	}

	static ObjectNode parseBody(Request request) {
		String contentType = (request.contentType() != null) ? request.contentType() : "";
		if (!contentType.isEmpty() && !contentType.startsWith("application/json")) {
			throw PlaneError.detail(415, "Unsupported media type \"" + contentType + "\" in request.");
		}
		if (request.body().isBlank()) {
			return Json.MAPPER.createObjectNode();
		}
		try {
			JsonNode node = Json.MAPPER.readTree(request.body());
			if (!(node instanceof ObjectNode object)) {
				throw new PlaneError(400,
						Map.of("non_field_errors", List.of("Invalid data. Expected a dictionary, but got list.")));
			}
			return object;
		}
		catch (JacksonException ex) {
			throw PlaneError.detail(400, "JSON parse error - Expecting value: line 1 column 1 (char 0)");
		}
	}

	static UUID uuidOr(JsonNode node, UUID fallback) {
		String text = Json.text(node);
		return (text != null && PlaneRouter.isUuid(text)) ? UUID.fromString(text) : fallback;
	}

	static OffsetDateTime datetimeOr(JsonNode node, OffsetDateTime fallback, ZoneId zone) {
		String text = Json.text(node);
		if (text == null) {
			return fallback;
		}
		try {
			return OffsetDateTime.parse(text);
		}
		catch (DateTimeParseException ex) {
			try {
				// Plane reads a datetime without offset in the token user's timezone
				// (plane-api.md §2).
				return java.time.LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
			}
			catch (DateTimeParseException ignored) {
				return fallback;
			}
		}
	}

	static boolean notEmpty(String text) {
		return text != null && !text.isEmpty();
	}

}
