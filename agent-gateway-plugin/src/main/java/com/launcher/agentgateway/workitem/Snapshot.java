package com.launcher.agentgateway.workitem;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One Tasker thing as read.
 *
 * @param <T> its type
 * @param value the thing
 * @param asOf when the copy it comes from was current; empty when it was read from Tasker
 * during this call
 */
public record Snapshot<T>(T value, Optional<Instant> asOf) {

	public Snapshot {
		Objects.requireNonNull(value, "value");
		Objects.requireNonNull(asOf, "asOf");
	}

	/** A thing read from Tasker during this call. */
	public static <T> Snapshot<T> live(T value) {
		return new Snapshot<>(value, Optional.empty());
	}

}
