package com.launcher.host.api.tasker;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tasker rejected the request as invalid. The field map carries Tasker's own validation
 * texts by field ({@code non_field_errors} and {@code error} for the rest); treat them as
 * untrusted text, never as part of this exception's message.
 */
public class TaskerInvalidRequestException extends TaskerException {

	private static final long serialVersionUID = 1L;

	private final Map<String, List<String>> fieldErrors;

	public TaskerInvalidRequestException(Map<String, List<String>> fieldErrors) {
		super("Tasker rejected the request as invalid");
		Objects.requireNonNull(fieldErrors, "fieldErrors");
		this.fieldErrors = Map.copyOf(fieldErrors);
	}

	public Map<String, List<String>> fieldErrors() {
		return this.fieldErrors;
	}

}
