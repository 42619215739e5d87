package com.launcher.agentgateway.workitem;

import java.util.Objects;

/**
 * A comment the gateway posted, with the card it is on (as fetched to check its project).
 *
 * @param comment the comment
 * @param card the card
 */
public record PostedComment(Comment comment, WorkItem card) {

	public PostedComment {
		Objects.requireNonNull(comment, "comment");
		Objects.requireNonNull(card, "card");
	}

}
