package com.launcher.host.api.tasker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The fields of a new work item. Only these fields are ever sent on create; nothing can
 * set archive, draft, author or numbering fields (plane-api.md §3.3).
 *
 * @param name the title, at most 255 characters
 * @param descriptionHtml the description as HTML, or {@code null}
 * @param priority the priority, or {@code null} for Tasker's default
 * @param stateId the state, or {@code null} for the project's default
 * @param assigneeIds the assignees (Tasker silently drops non-members)
 * @param labelIds the labels (Tasker silently drops foreign labels)
 * @param parentId the parent item, or {@code null}
 * @param startDate the start date, or {@code null}
 * @param targetDate the target date, or {@code null}
 */
public record WorkItemDraft(String name, String descriptionHtml, WorkItemPriority priority, UUID stateId,
		List<UUID> assigneeIds, List<UUID> labelIds, UUID parentId, LocalDate startDate, LocalDate targetDate) {

	/** Tasker's limit on a work item title. */
	public static final int MAX_NAME_LENGTH = 255;

	/** A generous bound well under Tasker's 5 MiB body limit. */
	public static final int MAX_DESCRIPTION_LENGTH = 200_000;

	public WorkItemDraft {
		Checks.text(name, "name", MAX_NAME_LENGTH);
		if (descriptionHtml != null && descriptionHtml.length() > MAX_DESCRIPTION_LENGTH) {
			throw new IllegalArgumentException("descriptionHtml is too long");
		}
		assigneeIds = Checks.list(assigneeIds, "assigneeIds");
		labelIds = Checks.list(labelIds, "labelIds");
		if (startDate != null && targetDate != null && startDate.isAfter(targetDate)) {
			throw new IllegalArgumentException("startDate must not be after targetDate");
		}
	}

	public static Builder builder(String name) {
		return new Builder(name);
	}

	/**
	 * Builds a {@link WorkItemDraft}.
	 */
	public static final class Builder {

		private final String name;

		private String descriptionHtml;

		private WorkItemPriority priority;

		private UUID stateId;

		private final List<UUID> assigneeIds = new ArrayList<>();

		private final List<UUID> labelIds = new ArrayList<>();

		private UUID parentId;

		private LocalDate startDate;

		private LocalDate targetDate;

		private Builder(String name) {
			this.name = name;
		}

		public Builder descriptionHtml(String descriptionHtml) {
			this.descriptionHtml = descriptionHtml;
			return this;
		}

		public Builder priority(WorkItemPriority priority) {
			this.priority = priority;
			return this;
		}

		public Builder state(UUID stateId) {
			this.stateId = stateId;
			return this;
		}

		public Builder assignees(List<UUID> assigneeIds) {
			this.assigneeIds.clear();
			this.assigneeIds.addAll(assigneeIds);
			return this;
		}

		public Builder labels(List<UUID> labelIds) {
			this.labelIds.clear();
			this.labelIds.addAll(labelIds);
			return this;
		}

		public Builder parent(UUID parentId) {
			this.parentId = parentId;
			return this;
		}

		public Builder startDate(LocalDate startDate) {
			this.startDate = startDate;
			return this;
		}

		public Builder targetDate(LocalDate targetDate) {
			this.targetDate = targetDate;
			return this;
		}

		public WorkItemDraft build() {
			return new WorkItemDraft(this.name, this.descriptionHtml, this.priority, this.stateId, this.assigneeIds,
					this.labelIds, this.parentId, this.startDate, this.targetDate);
		}

	}

}
