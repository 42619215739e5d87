package com.launcher.agentgateway.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Strict reading of a JSON request body: an object, only known fields, each of the right
 * type. Unknown fields are refused by name rather than ignored.
 */
final class JsonBody {

	private final JsonNode node;

	private JsonBody(JsonNode node) {
		this.node = node;
	}

	static JsonBody of(JsonNode node, Set<String> allowed) {
		if (node == null || !node.isObject()) {
			throw new GatewayException(ErrorCode.MALFORMED_REQUEST);
		}
		Iterator<String> names = node.propertyNames().iterator();
		while (names.hasNext()) {
			String name = names.next();
			if (!allowed.contains(name)) {
				throw GatewayException.invalid(name, "is not a known field");
			}
		}
		return new JsonBody(node);
	}

	/**
	 * A body the request may leave out, every field of it optional: no body reads as
	 * {@code {}}, but a body that is there is read as strictly as by {@link #of}.
	 */
	static JsonBody optional(JsonNode node, Set<String> allowed) {
		return of((node != null) ? node : JsonNodeFactory.instance.objectNode(), allowed);
	}

	String text(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw GatewayException.invalid(field, "must be a string");
		}
		return value.asString();
	}

	Integer integer(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw GatewayException.invalid(field, "must be a whole number");
		}
		return value.asInt();
	}

	Boolean bool(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isBoolean()) {
			throw GatewayException.invalid(field, "must be true or false");
		}
		return value.asBoolean();
	}

	List<String> strings(String field) {
		JsonNode value = this.node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isArray()) {
			throw GatewayException.invalid(field, "must be an array of strings");
		}
		List<String> result = new ArrayList<>();
		for (JsonNode item : value) {
			if (!item.isString()) {
				throw GatewayException.invalid(field, "must be an array of strings");
			}
			result.add(item.asString());
		}
		return result;
	}

	UUID uuid(String field) {
		String text = text(field);
		if (text == null) {
			return null;
		}
		try {
			return UUID.fromString(text);
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid(field, "must be a UUID");
		}
	}

}
