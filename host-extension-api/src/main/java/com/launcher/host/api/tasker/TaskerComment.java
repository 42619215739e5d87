package com.launcher.host.api.tasker;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A comment on a work item. The HTML is Tasker-authored, unsanitised and untrusted.
 *
 * @param id the comment id
 * @param workItemId the work item
 * @param commentHtml the text as HTML
 * @param actorId the Tasker user whose token wrote it (the author of record)
 * @param createdBy the creating user as stored, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @param externalSource the external source, or {@code null}
 * @param externalId the external id, or {@code null}
 */
public record TaskerComment(UUID id, UUID workItemId, String commentHtml, UUID actorId, UUID createdBy,
		OffsetDateTime createdAt, OffsetDateTime updatedAt, String externalSource, String externalId) {

	public TaskerComment {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(workItemId, "workItemId");
		commentHtml = (commentHtml != null) ? commentHtml : "";
	}

}
