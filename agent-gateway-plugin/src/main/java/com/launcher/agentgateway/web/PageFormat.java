package com.launcher.agentgateway.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formatting for the pages: times in UTC to the minute, ids shortened for tables. */
public final class PageFormat {

	static final PageFormat INSTANCE = new PageFormat();

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private PageFormat() {
	}

	public String time(Instant instant) {
		return (instant != null) ? MINUTES.format(instant) : "—";
	}

	public String shortId(Object id) {
		if (id == null) {
			return "—";
		}
		String text = id.toString();
		return (text.length() > 8) ? text.substring(0, 8) + "…" : text;
	}

}
