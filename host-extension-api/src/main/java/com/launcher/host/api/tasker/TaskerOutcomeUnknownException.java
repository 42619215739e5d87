package com.launcher.host.api.tasker;

/**
 * A write was sent but no answer came back (timeout, connection reset): Tasker may or may
 * not have applied it. Reconcile (look the item up by its external reference) before any
 * retry may create again.
 */
public class TaskerOutcomeUnknownException extends TaskerException {

	private static final long serialVersionUID = 1L;

	public TaskerOutcomeUnknownException(Throwable cause) {
		super("The Tasker write may or may not have been applied", cause);
	}

}
