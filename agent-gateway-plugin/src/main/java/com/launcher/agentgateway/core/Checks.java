package com.launcher.agentgateway.core;

import java.util.regex.Pattern;

/**
 * Argument checks that fail with {@link ErrorCode#VALIDATION_FAILED} naming the field.
 */
public final class Checks {

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");

	private Checks() {
	}

	public static String requiredText(String value, String field, int maxLength) {
		if (value == null || value.isBlank()) {
			throw GatewayException.invalid(field, "is required");
		}
		return optionalText(value, field, maxLength).strip();
	}

	public static String optionalText(String value, String field, int maxLength) {
		if (value == null) {
			return null;
		}
		if (value.length() > maxLength) {
			throw GatewayException.invalid(field, "must be at most " + maxLength + " characters");
		}
		if (CONTROL.matcher(value).find()) {
			throw GatewayException.invalid(field, "must not contain control characters");
		}
		return value;
	}

	public static int range(Integer value, String field, int min, int max) {
		if (value == null) {
			throw GatewayException.invalid(field, "is required");
		}
		if (value < min || value > max) {
			throw GatewayException.invalid(field, "must be between " + min + " and " + max);
		}
		return value;
	}

}
