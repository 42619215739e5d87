package com.launcher.host.api.tasker;

import java.util.Objects;
import java.util.UUID;

/**
 * Something with the same external reference already exists; Tasker named its id
 * (plane-api.md §5, the 409 answer).
 */
public class TaskerAlreadyExistsException extends TaskerException {

	private static final long serialVersionUID = 1L;

	private final UUID existingId;

	public TaskerAlreadyExistsException(UUID existingId) {
		super("A Tasker resource with this external id already exists");
		this.existingId = Objects.requireNonNull(existingId, "existingId");
	}

	public UUID existingId() {
		return this.existingId;
	}

}
