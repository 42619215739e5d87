package com.launcher.host.api.tasker;

import java.util.Locale;

/**
 * The priority of a work item.
 */
public enum WorkItemPriority {

	URGENT, HIGH, MEDIUM, LOW, NONE;

	public String planeValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static WorkItemPriority fromPlaneValue(String value) {
		return (value != null) ? valueOf(value.toUpperCase(Locale.ROOT)) : NONE;
	}

}
