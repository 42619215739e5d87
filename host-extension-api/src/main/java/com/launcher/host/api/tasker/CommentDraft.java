package com.launcher.host.api.tasker;

/**
 * The text of a new comment.
 *
 * @param commentHtml the comment as HTML (sent as {@code comment_html})
 */
public record CommentDraft(String commentHtml) {

	/** A generous bound well under Tasker's 5 MiB body limit. */
	public static final int MAX_LENGTH = 100_000;

	public CommentDraft {
		Checks.text(commentHtml, "commentHtml", MAX_LENGTH);
	}

}
