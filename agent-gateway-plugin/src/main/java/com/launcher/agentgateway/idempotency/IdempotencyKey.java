package com.launcher.agentgateway.idempotency;

import java.util.Objects;
import java.util.regex.Pattern;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;

/**
 * A caller-chosen key that makes a write repeatable without being applied twice.
 *
 * @param value 8 to 128 characters: letters, digits, {@code - _ . :}
 */
public record IdempotencyKey(String value) {

	/** The shape every key must have; also used in the tools' input schemas. */
	public static final String PATTERN = "^[A-Za-z0-9._:-]{8,128}$";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	public IdempotencyKey {
		Objects.requireNonNull(value, "value");
		if (!COMPILED.matcher(value).matches()) {
			throw new IllegalArgumentException("malformed idempotency key");
		}
	}

	/**
	 * Parses a key from a tool argument.
	 * @param raw the argument, possibly missing or of the wrong type
	 * @return the key
	 * @throws GatewayException {@code IDEMPOTENCY_KEY_REQUIRED} when missing or malformed
	 */
	public static IdempotencyKey parse(Object raw) {
		if (!(raw instanceof String text) || !COMPILED.matcher(text).matches()) {
			throw new GatewayException(ErrorCode.IDEMPOTENCY_KEY_REQUIRED, "idempotency_key", java.util.Map.of(), null);
		}
		return new IdempotencyKey(text);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
