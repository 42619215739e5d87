package com.launcher.tasker.sandbox;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON helpers: one mapper, Plane's datetime rendering.
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	// DRF renders isoformat() with microseconds and "Z" for UTC (plane-api.md §2).
	private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

	private Json() {
	}

	static String datetime(OffsetDateTime value, ZoneId zone) {
		return (value != null) ? value.atZoneSameInstant(zone).format(DATETIME) : null;
	}

	/** A request body; an empty one reads as an empty object. */
	static JsonNode readBody(String body) {
		return MAPPER.readTree(body.isBlank() ? "{}" : body);
	}

	static String text(JsonNode node) {
		return (node != null && node.isString()) ? node.stringValue() : null;
	}

}
