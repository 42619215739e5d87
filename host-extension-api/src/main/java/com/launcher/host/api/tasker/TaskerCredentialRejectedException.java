package com.launcher.host.api.tasker;

/**
 * Tasker rejected the host's own credential (missing, invalid, expired or inactive API
 * key: Plane's 401, or its 403 "Given API token is not valid", plane-api.md §9 item 9).
 * This is a host configuration fault, not the caller's.
 */
public class TaskerCredentialRejectedException extends TaskerUnavailableException {

	private static final long serialVersionUID = 1L;

	public TaskerCredentialRejectedException() {
		super("Tasker rejected the host's credential");
	}

	@Override
	public boolean isRetryable() {
		return false;
	}

}
