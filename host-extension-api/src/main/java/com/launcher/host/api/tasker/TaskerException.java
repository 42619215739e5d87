package com.launcher.host.api.tasker;

/**
 * A Tasker call failed. Messages are fixed and safe to show: they never carry Tasker's
 * response text, a stack trace or the credential. Subclasses name the condition.
 */
public abstract class TaskerException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	protected TaskerException(String message) {
		super(message);
	}

	protected TaskerException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether the same call may succeed if tried again later unchanged.
	 * @return true for transient failures
	 */
	public boolean isRetryable() {
		return false;
	}

}
