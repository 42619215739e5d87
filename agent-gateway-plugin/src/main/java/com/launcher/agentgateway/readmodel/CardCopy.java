package com.launcher.agentgateway.readmodel;

import java.util.Objects;

import com.launcher.agentgateway.workitem.WorkItem;

/**
 * A card as the copy keeps it: the domain's inert values, and the description as Tasker
 * stored it (HTML), so a later reader can render it again without asking Tasker.
 *
 * @param item the card
 * @param descriptionHtml the description as Tasker stored it, or null when the answer it
 * came from did not carry it
 */
public record CardCopy(WorkItem item, String descriptionHtml) {

	public CardCopy {
		Objects.requireNonNull(item, "item");
	}

}
