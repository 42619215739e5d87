package com.launcher.host.api.tasker;

/**
 * Tasker has no such item (or it is archived, draft or deleted).
 */
public class TaskerNotFoundException extends TaskerException {

	private static final long serialVersionUID = 1L;

	public TaskerNotFoundException() {
		super("The Tasker resource does not exist");
	}

}
