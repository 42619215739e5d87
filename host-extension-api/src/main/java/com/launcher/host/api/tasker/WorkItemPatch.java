package com.launcher.host.api.tasker;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A change to a work item, limited to the whitelisted fields; a field that is absent is
 * left as it is. Assignees and labels replace the whole set (an empty list clears it).
 * Nothing here can archive, delete, hide, renumber or re-author an item (plane-api.md
 * §3.3).
 *
 * @param name a new title (cannot be cleared)
 * @param descriptionHtml a new description
 * @param priority a new priority (cannot be cleared)
 * @param stateId a new state (cannot be cleared)
 * @param assigneeIds the new assignee set
 * @param labelIds the new label set
 * @param parentId a new parent, or cleared
 * @param startDate a new start date, or cleared
 * @param targetDate a new target date, or cleared
 */
public record WorkItemPatch(PatchField<String> name, PatchField<String> descriptionHtml,
		PatchField<WorkItemPriority> priority, PatchField<UUID> stateId, PatchField<List<UUID>> assigneeIds,
		PatchField<List<UUID>> labelIds, PatchField<UUID> parentId, PatchField<LocalDate> startDate,
		PatchField<LocalDate> targetDate) {

	public WorkItemPatch {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(descriptionHtml, "descriptionHtml");
		Objects.requireNonNull(priority, "priority");
		Objects.requireNonNull(stateId, "stateId");
		Objects.requireNonNull(assigneeIds, "assigneeIds");
		Objects.requireNonNull(labelIds, "labelIds");
		Objects.requireNonNull(parentId, "parentId");
		Objects.requireNonNull(startDate, "startDate");
		Objects.requireNonNull(targetDate, "targetDate");
		if (name.isCleared() || priority.isCleared() || stateId.isCleared()) {
			throw new IllegalArgumentException("name, priority and state can be changed but not cleared");
		}
		if (assigneeIds.isCleared() || labelIds.isCleared()) {
			throw new IllegalArgumentException("clear assignees or labels with an empty list");
		}
		name.value().ifPresent((value) -> Checks.text(value, "name", WorkItemDraft.MAX_NAME_LENGTH));
		descriptionHtml.value().ifPresent((value) -> {
			if (value.length() > WorkItemDraft.MAX_DESCRIPTION_LENGTH) {
				throw new IllegalArgumentException("descriptionHtml is too long");
			}
		});
		assigneeIds = assigneeIds.value()
			.map((ids) -> PatchField.set(Checks.list(ids, "assigneeIds")))
			.orElse(assigneeIds);
		labelIds = labelIds.value().map((ids) -> PatchField.set(Checks.list(ids, "labelIds"))).orElse(labelIds);
		if (startDate.value().isPresent() && targetDate.value().isPresent()
				&& startDate.value().get().isAfter(targetDate.value().get())) {
			throw new IllegalArgumentException("startDate must not be after targetDate");
		}
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Whether the patch changes nothing.
	 * @return true when every field is absent
	 */
	public boolean isEmpty() {
		return !this.name.isPresent() && !this.descriptionHtml.isPresent() && !this.priority.isPresent()
				&& !this.stateId.isPresent() && !this.assigneeIds.isPresent() && !this.labelIds.isPresent()
				&& !this.parentId.isPresent() && !this.startDate.isPresent() && !this.targetDate.isPresent();
	}

	/**
	 * Builds a {@link WorkItemPatch}; every field starts absent.
	 */
	public static final class Builder {

		private PatchField<String> name = PatchField.absent();

		private PatchField<String> descriptionHtml = PatchField.absent();

		private PatchField<WorkItemPriority> priority = PatchField.absent();

		private PatchField<UUID> stateId = PatchField.absent();

		private PatchField<List<UUID>> assigneeIds = PatchField.absent();

		private PatchField<List<UUID>> labelIds = PatchField.absent();

		private PatchField<UUID> parentId = PatchField.absent();

		private PatchField<LocalDate> startDate = PatchField.absent();

		private PatchField<LocalDate> targetDate = PatchField.absent();

		private Builder() {
		}

		public Builder name(String name) {
			this.name = PatchField.set(name);
			return this;
		}

		public Builder descriptionHtml(String descriptionHtml) {
			this.descriptionHtml = (descriptionHtml != null) ? PatchField.set(descriptionHtml) : PatchField.cleared();
			return this;
		}

		public Builder priority(WorkItemPriority priority) {
			this.priority = PatchField.set(priority);
			return this;
		}

		public Builder state(UUID stateId) {
			this.stateId = PatchField.set(stateId);
			return this;
		}

		public Builder assignees(List<UUID> assigneeIds) {
			this.assigneeIds = PatchField.set(assigneeIds);
			return this;
		}

		public Builder labels(List<UUID> labelIds) {
			this.labelIds = PatchField.set(labelIds);
			return this;
		}

		public Builder parent(UUID parentId) {
			this.parentId = (parentId != null) ? PatchField.set(parentId) : PatchField.cleared();
			return this;
		}

		public Builder startDate(LocalDate startDate) {
			this.startDate = (startDate != null) ? PatchField.set(startDate) : PatchField.cleared();
			return this;
		}

		public Builder targetDate(LocalDate targetDate) {
			this.targetDate = (targetDate != null) ? PatchField.set(targetDate) : PatchField.cleared();
			return this;
		}

		public WorkItemPatch build() {
			return new WorkItemPatch(this.name, this.descriptionHtml, this.priority, this.stateId, this.assigneeIds,
					this.labelIds, this.parentId, this.startDate, this.targetDate);
		}

	}

}
