package com.launcher.agentgateway.workitem;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.agentgateway.core.GatewayException;

/**
 * A card's readable id such as {@code WEB-12}. Plane's identifiers are uppercase, at most
 * 12 characters and never contain {@code -}; a wrong case is answered with 403 and a
 * non-numeric number with 500 (plane-api.md R11), so both are refused before any call.
 *
 * @param projectIdentifier the project identifier, for example {@code WEB}
 * @param sequence the card's number, at least 1
 */
public record ReadableId(String projectIdentifier, long sequence) {

	private static final Pattern READABLE = Pattern.compile("([A-Z0-9]{1,12})-([1-9][0-9]{0,9})");

	public ReadableId {
		Objects.requireNonNull(projectIdentifier, "projectIdentifier");
		if (sequence < 1) {
			throw new IllegalArgumentException("sequence must be at least 1");
		}
	}

	/**
	 * Reads {@code IDENT-123}.
	 * @param text the readable id
	 * @param field the argument it came from, named in the refusal
	 * @return the readable id
	 * @throws GatewayException {@code validation_failed} when it is not one
	 */
	public static ReadableId parse(String text, String field) {
		Matcher matcher = (text != null && text.length() <= 23) ? READABLE.matcher(text) : null;
		if (matcher == null || !matcher.matches()) {
			throw GatewayException.invalid(field, "must be a UUID or a readable id such as WEB-12");
		}
		return new ReadableId(matcher.group(1), Long.parseLong(matcher.group(2)));
	}

	@Override
	public String toString() {
		return this.projectIdentifier + "-" + this.sequence;
	}

}
