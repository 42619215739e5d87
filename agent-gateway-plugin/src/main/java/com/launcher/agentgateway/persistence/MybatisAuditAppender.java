package com.launcher.agentgateway.persistence;

import java.util.HexFormat;
import java.util.List;

import com.launcher.agentgateway.audit.AuditAppender;
import com.launcher.agentgateway.audit.AuditChain;
import com.launcher.agentgateway.audit.AuditChainKey;
import com.launcher.agentgateway.audit.AuditDetails;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEventRefusedException;
import org.apache.ibatis.session.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends audit events to {@code agw_audit_event}, each linked to the one before with the
 * host's key. The key never leaves the host, so the links are made here, from the head
 * they follow (see {@code AuditMapper.xml}):
 * <ul>
 * <li>after a head this node wrote, in one statement that inserts the group only if the
 * head is still there (one round trip: the common case on one node, and for a node whose
 * groups follow each other; a lone event, the usual case, has its values bound one by
 * one);</li>
 * <li>otherwise between two statements of one transaction: the head is locked and read,
 * the group's links are computed, and the events are inserted with the head's move.</li>
 * </ul>
 * Either way a group pays for one lock, whatever its size, and no link is ever computed
 * from a head that is not the stored one when the events are inserted.
 */
public class MybatisAuditAppender implements AuditAppender {

	private static final HexFormat HEX = HexFormat.of();

	private static final Logger logger = LoggerFactory.getLogger(MybatisAuditAppender.class);

	private final AuditMapper audit;

	private final AuditChainKey key;

	private final TransactionTemplate transactions;

	/**
	 * The head as this node's last append left it: a hint, never trusted. The append
	 * after it is checked against the stored head in the same statement.
	 */
	private volatile Head lastWritten;

	public MybatisAuditAppender(SqlSession sessions, TransactionTemplate transactions, AuditChainKey key) {
		this.audit = sessions.getMapper(AuditMapper.class);
		this.key = key;
		// The head's row lock is held from the read to the commit: one transaction.
		this.transactions = transactions;
	}

	/**
	 * Starts the keyed chain if it has not started. A new installation keys from the
	 * first position. A chain that already holds events without a keyed start (an upgrade
	 * from 0.3, or a keyed start removed in the database) is keyed from its head on only
	 * with the operator's consent, {@code keyExistingChain}; without it nothing changes
	 * and the plugin does not start. The plugin calls it at start, so that a chain
	 * without a keyed start is a tampered one.
	 * @param keyExistingChain whether the operator allowed keying a chain that holds
	 * events with plain links ({@code agent-gateway.audit.key-existing-chain})
	 * @throws IllegalStateException if such a chain is found without that consent
	 */
	public void startKeyedChain(boolean keyExistingChain) {
		this.transactions.executeWithoutResult((status) -> {
			AuditMapper.Head head = this.audit.lockHead();
			if (head.keyedFrom() != null) {
				return;
			}
			if (head.lastSeq() != 0 && !keyExistingChain) {
				// Whoever can rewrite the chain with plain links and clear the keyed
				// start would otherwise get a fresh keyed start at the next restart,
				// and the rewritten part would verify as an older version's.
				throw new IllegalStateException("The audit chain holds events up to position " + head.lastSeq()
						+ " with plain links and no keyed start: it was written before 0.4, or its keyed start"
						+ " was removed in the database. Check it, then start once with"
						+ " agent-gateway.audit.key-existing-chain=true to key it from that position on");
			}
			if (this.audit.startKeyed(head.lastSeq(),
					HEX.formatHex(AuditChain.genesis(this.key, head.lastSeq(), head.lastHash())))) {
				if (head.lastSeq() == 0) {
					logger.info("Audit chain keyed from its first position");
				}
				else {
					logger.warn(
							"Audit chain keyed from position {} on, as agent-gateway.audit.key-existing-chain"
									+ " allows; the events up to it keep their SHA-256 links. Remove the setting now",
							head.lastSeq());
				}
			}
		});
	}

	@Override
	public void appendAll(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		try {
			Head known = this.lastWritten;
			if (known != null && events.size() == 1) {
				// The append of almost every request: one event, bound value by value.
				AuditMapper.Linked linked = linkOne(events.get(0), known);
				if (this.audit.appendOneAfter(linked).count() == 1) {
					this.lastWritten = new Head(known.lastSeq() + 1, linked.hash(), known.keyedFrom());
					return;
				}
			}
			else if (known != null) {
				// As far as this node knows, it wrote the head: link the group to it
				// and insert only if the stored head is still that one, in one
				// statement. A head moved since (by another node, or by the keyed
				// chain's start) fails the check and nothing is written; the locked
				// path then links the group to the real head.
				Group group = group(events, known.lastSeq(), known.lastHash());
				if (this.audit.appendAfter(group.rows(), known.lastSeq(), known.lastHash(), known.keyedFrom())
					.count() == events.size()) {
					this.lastWritten = group.head(known.keyedFrom());
					return;
				}
			}
			this.transactions.executeWithoutResult((status) -> {
				AuditMapper.Head head = this.audit.lockHead();
				if (head.keyedFrom() == null) {
					// The plugin records the keyed start before it serves
					// (startKeyedChain): a head without one was changed in the
					// database since. Keying from it now would hide that, so
					// nothing is appended; a restart keys the chain again only
					// with the operator's consent.
					logger.error("The audit chain's keyed start is missing from the database; refusing to append");
					throw new IllegalStateException("The audit chain has no keyed start");
				}
				long keyedFrom = head.keyedFrom();
				byte[] previous = head.lastHash();
				Group group = group(events, head.lastSeq(), previous);
				this.audit.appendAll(group.rows());
				this.lastWritten = group.head(keyedFrom);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// A value the columns refuse (too long, for example): the same event would be
			// refused again, while the others of its group would not.
			this.lastWritten = null;
			throw new AuditEventRefusedException(ex);
		}
		catch (TransactionException ex) {
			// No connection for the transaction, or its commit lost: the database is
			// away, as the callers' 503 handling knows it from a single statement's
			// failure. Whether the head moved is unknown: read it next time.
			this.lastWritten = null;
			throw new DataAccessResourceFailureException("The audit log's transaction failed", ex);
		}
		catch (RuntimeException ex) {
			this.lastWritten = null;
			throw ex;
		}
	}

	/**
	 * The group's rows as the statements read them: position, previous link, link, then
	 * the event's values as text; the statements cast each to its column's type.
	 */
	private Group group(List<AuditEvent> events, long lastSeq, byte[] previous) {
		String[][] rows = new String[events.size()][];
		byte[] prev = previous;
		for (int row = 0; row < rows.length; row++) {
			AuditEvent event = events.get(row);
			long seq = lastSeq + 1 + row;
			String details = AuditDetails.encode(event.details());
			byte[] link = link(event, details, prev, seq);
			rows[row] = new String[] { Long.toString(seq), HEX.formatHex(prev), HEX.formatHex(link), text(event.id()),
					event.occurredAt().toString(), text(event.agentId()), text(event.ownerUserId()),
					event.actorType().name(), event.actorId(), event.action(), event.targetType(), event.targetId(),
					event.outcome().name(), event.reason(), event.requestId(), event.sourceAddress(),
					text(event.tokenId()), event.tokenHint(), details };
			prev = link;
		}
		return new Group(rows, lastSeq + rows.length, prev);
	}

	/** One event linked after {@code head}, as {@code appendOneAfter} binds it. */
	private AuditMapper.Linked linkOne(AuditEvent event, Head head) {
		String details = AuditDetails.encode(event.details());
		byte[] link = link(event, details, head.lastHash(), head.lastSeq() + 1);
		return new AuditMapper.Linked(head.lastSeq(), head.lastHash(), head.keyedFrom(), link, event.id(),
				event.occurredAt(), event.agentId(), event.ownerUserId(), event.actorType().name(), event.actorId(),
				event.action(), event.targetType(), event.targetId(), event.outcome().name(), event.reason(),
				event.requestId(), event.sourceAddress(), event.tokenId(), event.tokenHint(), details);
	}

	/** The keyed link of {@code event} at {@code seq}, after {@code previous}. */
	private byte[] link(AuditEvent event, String details, byte[] previous, long seq) {
		return AuditChain.keyedLink(this.key, previous, seq, AuditChain.canonicalAfterSeq(event, details));
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/** A group linked after a head: its rows, and the head they leave. */
	private record Group(String[][] rows, long lastSeq, byte[] lastLink) {

		Head head(long keyedFrom) {
			return new Head(this.lastSeq, this.lastLink, keyedFrom);
		}

	}

	/** Where the chain ends, and where its keyed part starts. */
	private record Head(long lastSeq, byte[] lastHash, long keyedFrom) {
	}

}
