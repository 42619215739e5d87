package com.launcher.host.api.tasker;

/**
 * Tasker refused the call for lack of permission. Plane answers 403 before 404, so this
 * also covers unknown projects and identifiers (plane-api.md §6).
 */
public class TaskerForbiddenException extends TaskerException {

	private static final long serialVersionUID = 1L;

	public TaskerForbiddenException() {
		super("Tasker refused access to this resource");
	}

}
