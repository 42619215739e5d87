package com.launcher.agentgateway.readmodel;

import java.time.Duration;
import java.util.Objects;

/**
 * How the read model keeps its copy ({@code agent-gateway.read-model.*}).
 *
 * @param enabled whether reads are served from the copy at all (off: every read goes to
 * Tasker, as before the read model)
 * @param syncInterval how often the incremental sync asks Tasker what changed in each
 * granted project: with webhooks lost, the bound on how old an answer may be
 * @param sweepInterval how often a full id listing looks for deleted or archived cards,
 * which no webhook reports
 * @param metaInterval how often states, labels and members are read again (no webhooks
 * exist for them)
 * @param commentsBound how long a card's copied comments are served before they are read
 * again (comment deletes fire no webhook)
 * @param purgeAfter how long the rows of a project nobody grants any more are kept (never
 * served) before they are removed
 * @param webhookMaxAge a delivery whose card changed longer ago than this is refused as
 * stale (a captured delivery replayed under a new id)
 * @param webhookMaxBytes the largest webhook body accepted
 */
public record ReadModelSettings(boolean enabled, Duration syncInterval, Duration sweepInterval, Duration metaInterval,
		Duration commentsBound, Duration purgeAfter, Duration webhookMaxAge, int webhookMaxBytes) {

	public ReadModelSettings {
		positive(syncInterval, "syncInterval");
		positive(sweepInterval, "sweepInterval");
		positive(metaInterval, "metaInterval");
		positive(commentsBound, "commentsBound");
		positive(purgeAfter, "purgeAfter");
		positive(webhookMaxAge, "webhookMaxAge");
		if (webhookMaxBytes < 1024) {
			throw new IllegalArgumentException("webhookMaxBytes must be at least 1024");
		}
	}

	/** The defaults the README documents. */
	public static ReadModelSettings defaults() {
		return new ReadModelSettings(true, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(10),
				Duration.ofMinutes(10), Duration.ofHours(1), Duration.ofHours(12), 1024 * 1024);
	}

	private static void positive(Duration value, String name) {
		Objects.requireNonNull(value, name);
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
