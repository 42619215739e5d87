package com.launcher.agentgateway.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An agent identity.
 *
 * @param id the agent's own id
 * @param ownerUserId the Launcher user it acts for
 * @param createdBy who created it (the owner, or an admin)
 * @param name a short name, unique per owner, not blank and at most {@link #MAX_NAME}
 * characters
 * @param description optional text
 * @param status enabled or disabled
 * @param createdAt creation time
 * @param updatedAt last change
 * @param lastSeenAt the last authenticated request of any of its tokens
 * @param lastReport the latest progress report, if any
 */
public record Agent(UUID id, UUID ownerUserId, UUID createdBy, String name, String description, AgentStatus status,
		Instant createdAt, Instant updatedAt, Instant lastSeenAt, ProgressReport lastReport) {

	/** The width of {@code agw_agent.name}. */
	public static final int MAX_NAME = 80;

	public Agent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(ownerUserId, "ownerUserId");
		Objects.requireNonNull(createdBy, "createdBy");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
		// Pages, audit rows and the instruction pack show the name as the agent's only
		// human handle. Counted in code points, as the column counts characters, so that
		// every stored row still loads.
		if (name.isBlank() || name.codePointCount(0, name.length()) > MAX_NAME) {
			throw new IllegalArgumentException("an agent's name is not blank and at most " + MAX_NAME + " characters");
		}
	}

	public boolean isEnabled() {
		return this.status == AgentStatus.ENABLED;
	}

	/**
	 * The latest report an agent made through {@code report_progress}.
	 *
	 * @param at when
	 * @param status started, working, blocked or done
	 * @param summary what it said, at most {@link #SUMMARY_LIMIT} characters
	 * @param workItem the card, as {@code WEB-12} or an id
	 */
	public record ProgressReport(Instant at, String status, String summary, String workItem) {

		/**
		 * The stored summary's bound in characters (code points), the width of its
		 * column. The comment in Tasker carries the whole summary.
		 */
		public static final int SUMMARY_LIMIT = 500;

		public ProgressReport {
			if (summary != null && summary.codePointCount(0, summary.length()) > SUMMARY_LIMIT) {
				throw new IllegalArgumentException("summary longer than " + SUMMARY_LIMIT + " characters");
			}
		}

		/**
		 * A summary cut to the bound: the first 499 characters and an ellipsis when
		 * longer, so a reader sees it was cut.
		 * @param summary the summary
		 * @return the summary as stored
		 */
		public static String bounded(String summary) {
			if (summary == null || summary.codePointCount(0, summary.length()) <= SUMMARY_LIMIT) {
				return summary;
			}
			return summary.substring(0, summary.offsetByCodePoints(0, SUMMARY_LIMIT - 1)) + "\u2026";
		}

	}

}
