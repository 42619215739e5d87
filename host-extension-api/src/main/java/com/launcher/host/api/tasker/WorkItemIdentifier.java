package com.launcher.host.api.tasker;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A readable work-item id such as {@code WEB-12}. Plane's identifiers are uppercase, at
 * most 12 characters and never contain {@code -}; a wrong case is answered with 403 and a
 * non-numeric number with 500 (plane-api.md R11), so both are refused here, before any
 * call.
 *
 * @param projectIdentifier the project identifier, for example {@code WEB}
 * @param sequence the item number, at least 1
 */
public record WorkItemIdentifier(String projectIdentifier, long sequence) {

	private static final Pattern PROJECT = Pattern.compile("[A-Z0-9]{1,12}");

	private static final Pattern READABLE = Pattern.compile("([A-Z0-9]{1,12})-([1-9][0-9]{0,9})");

	public WorkItemIdentifier {
		Objects.requireNonNull(projectIdentifier, "projectIdentifier");
		if (!PROJECT.matcher(projectIdentifier).matches()) {
			throw new IllegalArgumentException("project identifier must be 1 to 12 uppercase letters or digits");
		}
		if (sequence < 1) {
			throw new IllegalArgumentException("sequence must be at least 1");
		}
	}

	/**
	 * Parses {@code IDENT-123}.
	 * @param text the readable id
	 * @return the identifier
	 * @throws IllegalArgumentException when the text is not a valid readable id
	 */
	public static WorkItemIdentifier parse(String text) {
		if (text == null || text.length() > 23) {
			throw new IllegalArgumentException("work item identifier must look like WEB-12");
		}
		Matcher matcher = READABLE.matcher(text);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("work item identifier must look like WEB-12");
		}
		return new WorkItemIdentifier(matcher.group(1), Long.parseLong(matcher.group(2)));
	}

	@Override
	public String toString() {
		return this.projectIdentifier + "-" + this.sequence;
	}

}
