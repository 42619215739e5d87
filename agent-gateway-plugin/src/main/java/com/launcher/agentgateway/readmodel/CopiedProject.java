package com.launcher.agentgateway.readmodel;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A project's sync position in the copy.
 *
 * @param projectId the project
 * @param workspace its workspace slug
 * @param identifier its readable key, or null
 * @param filled whether a first fill completed, so the copy may answer for it
 * @param watermark the newest {@code updated_at} the sync has read, or null before the
 * first fill
 * @param asOf when the copy was last known to hold every change (the start of the last
 * complete incremental pass), or null
 * @param lastIncrementalAt when the last incremental pass ended, or null
 * @param lastSweepAt when the last id sweep ended, or null
 * @param lastMetaAt when states, labels and members were last read, or null
 * @param releasedAt when the sync found no grant for it any more (never served since), or
 * null
 */
public record CopiedProject(UUID projectId, String workspace, String identifier, boolean filled, Instant watermark,
		Instant asOf, Instant lastIncrementalAt, Instant lastSweepAt, Instant lastMetaAt, Instant releasedAt) {

	public CopiedProject {
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(workspace, "workspace");
	}

	/** Whether reads may be answered from the copy. */
	public boolean servable() {
		return this.filled && this.releasedAt == null && this.asOf != null;
	}

}
