package com.launcher.agentgateway.audit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.agentgateway.core.GatewayException;

/** The audit log: append-only, chained, queryable with keyset pagination. */
public interface AuditLog {

	/**
	 * Appends one event, linking it to the chain. Throws when it cannot be stored;
	 * callers that decide access treat that as a refusal.
	 * @param event the event
	 */
	void append(AuditEvent event);

	AuditPage query(AuditQuery query);

	/** Walks the chain and reports the first broken link, if any. */
	ChainVerification verify();

	/**
	 * A filtered query; {@code visibleToOwner} restricts to one owner's agents
	 * (non-admins).
	 *
	 * @param agentId only this agent
	 * @param ownerUserId only this owner's agents
	 * @param action only this action
	 * @param outcome only this outcome
	 * @param from at or after
	 * @param to before
	 * @param cursor opaque position from a previous page
	 * @param limit page size (1–500)
	 */
	record AuditQuery(UUID agentId, UUID ownerUserId, String action, AuditEvent.Outcome outcome, Instant from,
			Instant to, String cursor, int limit) {

		public AuditQuery {
			if (limit < 1 || limit > 500) {
				throw GatewayException.invalid("limit", "must be between 1 and 500");
			}
		}

	}

	/**
	 * A page of events, newest first.
	 *
	 * @param events the events
	 * @param nextCursor where the next page starts, if there is one
	 */
	record AuditPage(List<StoredAuditEvent> events, Optional<String> nextCursor) {
	}

	/**
	 * An event as stored, with its place in the chain.
	 *
	 * @param seq position in the chain
	 * @param event the event
	 */
	record StoredAuditEvent(long seq, AuditEvent event) {
	}

	/**
	 * The result of walking the chain.
	 *
	 * @param intact whether every link holds
	 * @param eventsChecked how many events were checked
	 * @param firstBrokenSeq the first event whose link does not hold
	 * @param prunedThroughSeq the last position deleted by the audit retention (the check
	 * starts after it), or {@code null} when none was
	 * @param unkeyed the positions linked with plain SHA-256 before the chain was keyed
	 * (an upgraded installation's older events), or {@code null} when there are none
	 * @param keyed the positions linked with the host's key, or {@code null} when there
	 * are none
	 */
	record ChainVerification(boolean intact, long eventsChecked, Long firstBrokenSeq, Long prunedThroughSeq,
			Range unkeyed, Range keyed) {

		public ChainVerification(boolean intact, long eventsChecked, Long firstBrokenSeq, Long prunedThroughSeq) {
			this(intact, eventsChecked, firstBrokenSeq, prunedThroughSeq, null, null);
		}

		public ChainVerification(boolean intact, long eventsChecked, Long firstBrokenSeq) {
			this(intact, eventsChecked, firstBrokenSeq, null);
		}

		/** The same outcome without its ranges, for comparing outcomes alone. */
		public ChainVerification withoutRanges() {
			return new ChainVerification(this.intact, this.eventsChecked, this.firstBrokenSeq, this.prunedThroughSeq);
		}

	}

	/**
	 * Positions of the chain, both ends included.
	 *
	 * @param fromSeq the first
	 * @param toSeq the last
	 */
	record Range(long fromSeq, long toSeq) {

		public Range {
			if (fromSeq < 1 || toSeq < fromSeq) {
				throw new IllegalArgumentException("not a range of positions");
			}
		}

	}

}
