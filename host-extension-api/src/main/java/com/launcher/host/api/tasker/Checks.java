package com.launcher.host.api.tasker;

import java.util.List;
import java.util.Objects;

/**
 * Argument checks shared by the value records.
 */
final class Checks {

	private Checks() {
	}

	static String text(String value, String name, int max) {
		Objects.requireNonNull(value, name);
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		if (value.length() > max) {
			throw new IllegalArgumentException(name + " must be at most " + max + " characters");
		}
		return value;
	}

	static <T> List<T> list(List<T> values, String name) {
		if (values == null) {
			return List.of();
		}
		for (T value : values) {
			Objects.requireNonNull(value, name + " element");
		}
		return List.copyOf(values);
	}

}
