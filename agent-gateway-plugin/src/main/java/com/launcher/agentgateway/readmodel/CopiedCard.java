package com.launcher.agentgateway.readmodel;

import java.time.Instant;
import java.util.Objects;

import com.launcher.agentgateway.workitem.WorkItem;

/**
 * A card read from the copy.
 *
 * @param item the card
 * @param copiedAt when this row was last written from one of Tasker's answers (a sync
 * page, a webhook, a write's or fresh read's answer)
 * @param commentsCopiedAt when its comments were last read from Tasker, or null when they
 * never were
 */
public record CopiedCard(WorkItem item, Instant copiedAt, Instant commentsCopiedAt) {

	public CopiedCard {
		Objects.requireNonNull(item, "item");
		Objects.requireNonNull(copiedAt, "copiedAt");
	}

}
