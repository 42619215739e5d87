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
 * @param name a short name, unique per owner
 * @param description optional text
 * @param status enabled or disabled
 * @param createdAt creation time
 * @param updatedAt last change
 * @param lastSeenAt the last authenticated request of any of its tokens
 * @param lastReport the latest progress report, if any
 */
public record Agent(UUID id, UUID ownerUserId, UUID createdBy, String name, String description, AgentStatus status,
		Instant createdAt, Instant updatedAt, Instant lastSeenAt, ProgressReport lastReport) {

	public Agent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(ownerUserId, "ownerUserId");
		Objects.requireNonNull(createdBy, "createdBy");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(status, "status");
	}

	public boolean isEnabled() {
		return this.status == AgentStatus.ENABLED;
	}

	/**
	 * The latest report an agent made through {@code report_progress}.
	 *
	 * @param at when
	 * @param status started, working, blocked or done
	 * @param summary what it said
	 * @param workItem the card, as {@code WEB-12} or an id
	 */
	public record ProgressReport(Instant at, String status, String summary, String workItem) {
	}

}
