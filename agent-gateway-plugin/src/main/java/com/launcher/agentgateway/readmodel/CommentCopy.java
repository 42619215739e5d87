package com.launcher.agentgateway.readmodel;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

import com.launcher.agentgateway.workitem.Comment;

/**
 * A comment as the copy keeps it.
 *
 * @param projectId the project of its card
 * @param comment the comment, inert
 * @param bodyHtml the body as Tasker stored it, or null
 * @param updatedAt when Tasker last changed it, or null
 */
public record CommentCopy(UUID projectId, Comment comment, String bodyHtml, OffsetDateTime updatedAt) {

	public CommentCopy {
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(comment, "comment");
	}

}
