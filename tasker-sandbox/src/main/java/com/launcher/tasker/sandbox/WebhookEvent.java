package com.launcher.tasker.sandbox;

import java.util.Locale;

/**
 * The events a Plane webhook can subscribe to, one boolean each in Plane's
 * {@code webhooks} table (plane-api.md §7). The sandbox fires {@link #PROJECT} (created),
 * {@link #ISSUE} and {@link #ISSUE_COMMENT} (created, updated); it has no cycles or
 * modules, so the other two never fire.
 */
public enum WebhookEvent {

	PROJECT, ISSUE, MODULE, CYCLE, ISSUE_COMMENT;

	/**
	 * The name in Plane's payload ({@code event}) and {@code X-Plane-Event} header.
	 * @return for example {@code issue_comment}
	 */
	public String planeName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static WebhookEvent fromPlaneName(String name) {
		for (WebhookEvent event : values()) {
			if (event.planeName().equals(name)) {
				return event;
			}
		}
		throw new IllegalArgumentException("unknown webhook event");
	}

}
