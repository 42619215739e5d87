package com.launcher.agentgateway.workitem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Cards for tests. */
public final class TestWorkItems {

	public static final OffsetDateTime UPDATED = OffsetDateTime.parse("2026-12-01T10:00:00Z");

	private TestWorkItems() {
	}

	/** A card with a state, an assignee, a label, a parent and dates. */
	public static WorkItem card(String title, String description) {
		return new WorkItem(UUID.randomUUID(), UUID.randomUUID(), 12, title, description, Priority.MEDIUM,
				UUID.randomUUID(), List.of(UUID.randomUUID()), List.of(UUID.randomUUID()), UUID.randomUUID(),
				LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 24), UUID.randomUUID(), null, UPDATED, UPDATED, null);
	}

}
