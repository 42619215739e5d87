package com.launcher.host.api.tasker;

import java.util.Locale;

/**
 * The fixed group every Tasker state belongs to.
 */
public enum StateGroup {

	BACKLOG, UNSTARTED, STARTED, COMPLETED, CANCELLED, TRIAGE;

	public String planeValue() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static StateGroup fromPlaneValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
