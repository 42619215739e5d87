package com.launcher.agentgateway.workitem;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/**
 * Which cards of a project a list keeps. Every field is optional; set fields must all
 * match.
 *
 * @param stateId only cards in this state
 * @param assigneeId only cards assigned to this person
 * @param labelId only cards with this label
 * @param text only cards whose title or description contains it, case-insensitively (kept
 * lower-case)
 * @param updatedSince only cards updated at or after this instant
 */
public record WorkItemFilter(UUID stateId, UUID assigneeId, UUID labelId, String text, OffsetDateTime updatedSince) {

	public WorkItemFilter {
		text = (text != null) ? text.toLowerCase(Locale.ROOT) : null;
	}

	/** Whether the card passes every set field. */
	public boolean matches(WorkItem item) {
		if (this.stateId != null && !this.stateId.equals(item.stateId())) {
			return false;
		}
		if (this.assigneeId != null && !item.assigneeIds().contains(this.assigneeId)) {
			return false;
		}
		if (this.labelId != null && !item.labelIds().contains(this.labelId)) {
			return false;
		}
		if (this.updatedSince != null
				&& (item.updatedAt() == null || item.updatedAt().toInstant().isBefore(this.updatedSince.toInstant()))) {
			return false;
		}
		return this.text == null
				|| (item.title() + "\n" + item.description()).toLowerCase(Locale.ROOT).contains(this.text);
	}

}
