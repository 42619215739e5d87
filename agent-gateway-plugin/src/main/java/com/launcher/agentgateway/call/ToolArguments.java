package com.launcher.agentgateway.call;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.workitem.ReadableId;
import com.launcher.agentgateway.workitem.WorkItemRef;

/**
 * The one typed reader of a tool's arguments. The pipeline has checked them against the
 * tool's JSON Schema once; what a schema cannot say (a real calendar date, an instant
 * with its offset, which of two id forms) is read here, and anything odd is still refused
 * with {@code validation_failed} naming the field rather than failing later.
 */
public final class ToolArguments {

	private final Map<String, Object> values;

	public ToolArguments(Map<String, Object> values) {
		this.values = (values != null) ? values : Map.of();
	}

	public Map<String, Object> raw() {
		return this.values;
	}

	/**
	 * The write's idempotency key.
	 * @return the key
	 * @throws GatewayException {@code idempotency_key_required} when it is missing or
	 * malformed
	 */
	public IdempotencyKey idempotencyKey() {
		return IdempotencyKey.parse(this.values.get("idempotency_key"));
	}

	/**
	 * A card named by its UUID or by its readable id ({@code WEB-12}), read without
	 * calling Tasker: it is resolved once, inside the granted project only.
	 * @param name the argument
	 * @return the reference
	 */
	public WorkItemRef workItemRef(String name) {
		String ref = requiredString(name);
		if (ref.length() == 36) {
			return new WorkItemRef.ById(requiredUuid(name));
		}
		return new WorkItemRef.ByReadableId(ReadableId.parse(ref, name));
	}

	public boolean isNull(String name) {
		return this.values.containsKey(name) && this.values.get(name) == null;
	}

	public String string(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text)) {
			throw GatewayException.invalid(name, "must be a string");
		}
		return text;
	}

	public String requiredString(String name) {
		String value = string(name);
		if (value == null || value.isBlank()) {
			throw GatewayException.invalid(name, "is required");
		}
		return value;
	}

	public UUID uuid(String name) {
		String value = string(name);
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid(name, "must be a UUID");
		}
	}

	public UUID requiredUuid(String name) {
		UUID value = uuid(name);
		if (value == null) {
			throw GatewayException.invalid(name, "is required");
		}
		return value;
	}

	public List<UUID> uuids(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (!(value instanceof List<?> items)) {
			throw GatewayException.invalid(name, "must be an array of UUIDs");
		}
		List<UUID> ids = new ArrayList<>();
		for (Object item : items) {
			try {
				ids.add(UUID.fromString(String.valueOf(item)));
			}
			catch (IllegalArgumentException ex) {
				throw GatewayException.invalid(name, "must be an array of UUIDs");
			}
		}
		return List.copyOf(ids);
	}

	public Integer integer(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return null;
		}
		if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
			return number.intValue();
		}
		throw GatewayException.invalid(name, "must be an integer");
	}

	/** A boolean argument; absent is false. */
	public boolean flag(String name) {
		Object value = this.values.get(name);
		if (value == null) {
			return false;
		}
		if (!(value instanceof Boolean flag)) {
			throw GatewayException.invalid(name, "must be true or false");
		}
		return flag;
	}

	public LocalDate date(String name) {
		String value = string(name);
		try {
			return (value != null) ? LocalDate.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			throw GatewayException.invalid(name, "must be a date like 2026-05-14");
		}
	}

	public OffsetDateTime dateTime(String name) {
		String value = string(name);
		try {
			return (value != null) ? OffsetDateTime.parse(value) : null;
		}
		catch (DateTimeParseException ex) {
			throw GatewayException.invalid(name, "must be an RFC 3339 date-time with an offset");
		}
	}

	public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
		String value = string(name);
		if (value == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw GatewayException.invalid(name, "has an unknown value");
		}
	}

}
