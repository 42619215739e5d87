package com.launcher.agentgateway.workitem;

import java.util.Locale;

/** A card's priority; its value is the word agents and Tasker both use. */
public enum Priority {

	URGENT, HIGH, MEDIUM, LOW, NONE;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
