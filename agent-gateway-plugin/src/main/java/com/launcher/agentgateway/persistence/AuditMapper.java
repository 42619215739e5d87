package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditDetails;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditReader.Anchor;
import com.launcher.agentgateway.audit.AuditReader.ChainPoint;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.session.ResultHandler;

/**
 * The statements of {@code AuditMapper.xml}, shared by the appender, the reader and the
 * pruner of the audit log.
 */
interface AuditMapper {

	/** The chain's head, locked until the transaction ends. */
	Head lockHead();

	/**
	 * Starts the keyed chain at the head's position, unless it has started; answers
	 * whether this call started it.
	 */
	boolean startKeyed(@Param("seq") long seq, @Param("genesis") String genesisHex);

	/**
	 * Events with their positions and links (computed by the caller under the head's
	 * lock), a row of text values each, in chain order; moves the head to the last.
	 */
	void appendAll(@Param("rows") String[][] rows);

	/**
	 * The same rows, inserted only if the head is still where they link to, in one
	 * statement without a transaction of its own.
	 * @return how many events were inserted: all of them, or none when the head had moved
	 */
	Inserted appendAfter(@Param("rows") String[][] rows, @Param("lastSeq") long lastSeq,
			@Param("lastHash") byte[] lastHash, @Param("keyedFrom") long keyedFrom);

	/**
	 * One event after a head this node wrote, inserted only if the head is still there:
	 * {@link #appendAfter} for a group of one, the append of almost every request. Its
	 * values are bound as their columns' types, so PostgreSQL neither unpacks an array
	 * nor parses text, and the links travel as bytes.
	 * @return how many events were inserted: one, or none when the head had moved
	 */
	Inserted appendOneAfter(Linked event);

	List<EventRow> query(Filter filter);

	/** Every event by position, streamed to {@code handler}. */
	void chain(ResultHandler<EventRow> handler);

	Anchor anchor();

	ChainPoint head();

	Long keyedFrom();

	boolean tryPruneLock();

	/** The events a prune would delete, by position. */
	List<EventRow> doomed(@Param("batch") int batch, @Param("cutoff") Instant cutoff);

	/** Deletes the events up to {@code seq} and moves the anchor there, with its MAC. */
	void prune(@Param("seq") long seq, @Param("hash") byte[] hash, @Param("mac") byte[] mac);

	/**
	 * The chain's head.
	 *
	 * @param lastSeq the newest position
	 * @param lastHash the link there (the keyed genesis right after the keyed start)
	 * @param keyedFrom where the keyed chain starts, or {@code null} before it does
	 */
	record Head(long lastSeq, byte[] lastHash, Long keyedFrom) {
	}

	/**
	 * A query's conditions; {@code null} means "any". {@code cursorAt} and
	 * {@code cursorSeq} come together, and {@code limit} asks one row more than a page so
	 * the reader knows whether another page follows.
	 */
	record Filter(UUID agentId, UUID ownerUserId, String action, String outcome, Instant from, Instant to,
			Instant cursorAt, Long cursorSeq, int limit) {
	}

	/**
	 * A row of {@code agw_audit_event}. The enums stay text here, so that a row whose
	 * values were tampered with still reads, and {@link #event()} is where it fails.
	 */
	record EventRow(long seq, UUID id, Instant occurredAt, UUID agentId, UUID ownerUserId, String actorType,
			String actorId, String action, String targetType, String targetId, String outcome, String reason,
			String requestId, String sourceAddress, UUID tokenId, String tokenHint, String details, byte[] prevHash,
			byte[] hash) {

		AuditEvent event() {
			return new AuditEvent(this.id, this.occurredAt, this.agentId, this.ownerUserId,
					AuditEvent.ActorType.valueOf(this.actorType), this.actorId, this.action, this.targetType,
					this.targetId, AuditEvent.Outcome.valueOf(this.outcome), this.reason, this.requestId,
					this.sourceAddress, this.tokenId, this.tokenHint, AuditDetails.decode(this.details));
		}

	}

	/**
	 * The row of {@code appendAfter}, read whole by {@link InsertedRowTypeHandler}: the
	 * append of every request's audit event.
	 *
	 * @param count how many events were inserted
	 */
	record Inserted(int count) {
	}

	/**
	 * An event linked after the head at {@code lastSeq}, for {@link #appendOneAfter}: its
	 * position is the next one, and its previous link is the head's.
	 *
	 * @param lastSeq the head's position the event follows
	 * @param lastHash the head's link, the event's previous link
	 * @param keyedFrom where the keyed chain starts
	 * @param hash the event's link
	 * @param details the event's details as stored (and linked)
	 */
	record Linked(long lastSeq, byte[] lastHash, long keyedFrom, byte[] hash, UUID id, Instant occurredAt, UUID agentId,
			UUID ownerUserId, String actorType, String actorId, String action, String targetType, String targetId,
			String outcome, String reason, String requestId, String sourceAddress, UUID tokenId, String tokenHint,
			String details) {
	}

}
