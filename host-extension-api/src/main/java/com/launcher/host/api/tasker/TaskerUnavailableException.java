package com.launcher.host.api.tasker;

/**
 * Tasker could not be reached or could not answer (connection refused, timeout of a read,
 * 5xx, circuit open, too many concurrent calls); nothing was written.
 */
public class TaskerUnavailableException extends TaskerException {

	private static final long serialVersionUID = 1L;

	public TaskerUnavailableException() {
		this("Tasker is unavailable");
	}

	protected TaskerUnavailableException(String message) {
		super(message);
	}

	public TaskerUnavailableException(Throwable cause) {
		super("Tasker is unavailable", cause);
	}

	@Override
	public boolean isRetryable() {
		return true;
	}

}
