package com.launcher.agentgateway.readmodel;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * How far one granted project's copy is behind Tasker, for operators.
 *
 * @param projectId the project
 * @param workspace its workspace
 * @param identifier its identifier ({@code WEB}), when known
 * @param filled whether its first fill is done (until then reads go to Tasker)
 * @param asOf when the copy was last known current, or {@code null} before the first fill
 * @param lagSeconds seconds since {@code asOf}, or {@code null} before the first fill
 * @param lastSweepAt the last full id sweep, or {@code null}
 */
public record ProjectSync(UUID projectId, String workspace, String identifier, boolean filled, Instant asOf,
		Long lagSeconds, Instant lastSweepAt) {

	public ProjectSync {
		Objects.requireNonNull(projectId, "projectId");
		Objects.requireNonNull(workspace, "workspace");
	}

}
