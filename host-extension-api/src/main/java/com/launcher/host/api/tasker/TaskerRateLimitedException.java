package com.launcher.host.api.tasker;

import java.time.Duration;
import java.util.Objects;

/**
 * Tasker's per-token rate limit (or the client's own budget) refused the call.
 */
public class TaskerRateLimitedException extends TaskerException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	public TaskerRateLimitedException(Duration retryAfter) {
		super("Tasker rate limit reached; retry later");
		this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
