package com.launcher.agentgateway.call;

import java.time.Duration;
import java.util.Objects;

import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.core.ErrorCode;

/**
 * Told how each tool call ended, once, where the call ends ({@link CallPipeline#call}),
 * for metrics. Whatever it throws is ignored: watching a call must never change it.
 */
@FunctionalInterface
public interface CallObserver {

	/** Watches nothing. */
	CallObserver NONE = (report) -> {
	};

	void completed(CallReport report);

	/**
	 * How one call ended: only bounded values (a tool of the allowlist, an outcome, an
	 * error code), never an id, an argument or a result.
	 *
	 * @param tool the tool's name
	 * @param writes whether the tool writes (and so went through idempotency)
	 * @param outcome the outcome its audit event says
	 * @param error the error the agent was told, or {@code null} on success
	 * @param replayed whether a write answered from its idempotency key
	 * @param elapsed how long the call took in the gateway
	 */
	record CallReport(String tool, boolean writes, Outcome outcome, ErrorCode error, boolean replayed,
			Duration elapsed) {

		public CallReport {
			Objects.requireNonNull(tool, "tool");
			Objects.requireNonNull(outcome, "outcome");
			Objects.requireNonNull(elapsed, "elapsed");
		}

	}

}
