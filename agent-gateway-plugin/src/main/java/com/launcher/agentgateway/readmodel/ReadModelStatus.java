package com.launcher.agentgateway.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What operators see of the read model (issue 14 point 7): each granted project's lag
 * behind Tasker, the largest lag, and the webhook deliveries this node answered. A
 * project's lag is the time since its copy was last known current: it grows between sync
 * passes when no webhook arrives, and keeps growing when the sync cannot run (Tasker
 * down, the budget spent), which is what an alert should catch.
 */
public final class ReadModelStatus {

	private final ReadModelStore store;

	private final WebhookDeliveryCounts deliveries;

	private final Clock clock;

	private final boolean enabled;

	/**
	 * @param store the copy
	 * @param deliveries the webhook deliveries by outcome
	 * @param clock the clock
	 * @param enabled whether agents' reads are served from the copy at all
	 */
	public ReadModelStatus(ReadModelStore store, WebhookDeliveryCounts deliveries, Clock clock, boolean enabled) {
		this.store = Objects.requireNonNull(store, "store");
		this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.enabled = enabled;
	}

	/** Whether the copy is kept and serves agents' reads. */
	public boolean enabled() {
		return this.enabled;
	}

	/**
	 * The projects the copy serves or is filling (released projects are left out), by
	 * workspace and identifier. One statement.
	 * @return the projects
	 */
	public List<ProjectSync> projects() {
		Instant now = this.clock.instant();
		return this.store.projects()
			.stream()
			.filter((project) -> project.releasedAt() == null)
			.map((project) -> new ProjectSync(project.projectId(), project.workspace(), project.identifier(),
					project.filled(), project.asOf(),
					(project.asOf() != null) ? Math.max(0, Duration.between(project.asOf(), now).toSeconds()) : null,
					project.lastSweepAt()))
			.sorted(Comparator.comparing(ProjectSync::workspace)
				.thenComparing(ProjectSync::identifier, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	/**
	 * The largest lag over the projects whose copy is filled, in seconds; {@code null}
	 * when no project is filled yet (no data, rather than a reassuring zero).
	 * @return the largest lag, or {@code null}
	 */
	public Long maxLagSeconds() {
		return projects().stream()
			.map(ProjectSync::lagSeconds)
			.filter(Objects::nonNull)
			.max(Comparator.naturalOrder())
			.orElse(null);
	}

	/** The webhook deliveries this node answered. */
	public WebhookDeliveryCounts deliveries() {
		return this.deliveries;
	}

}
