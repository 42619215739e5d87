package com.launcher.agentgateway.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.launcher.agentgateway.audit.AuditLog.AuditPage;
import com.launcher.agentgateway.audit.AuditLog.AuditQuery;

/** Reads stored audit events: pages of a query, and the whole chain for verification. */
public interface AuditReader {

	/** One page, newest first, in the keyset order of {@link AuditCursor}. */
	AuditPage query(AuditQuery query);

	/**
	 * Runs {@code reading} over one consistent snapshot of the chain, so that an append
	 * or a prune committing meanwhile cannot look like a gap or a break.
	 */
	<T> T readChain(Function<ChainSnapshot, T> reading);

	/** The stored chain as of one moment. */
	interface ChainSnapshot {

		/** Where the audit retention last cut the chain, if it ever did. */
		Optional<Anchor> anchor();

		/**
		 * The position after which links are keyed: the head's position when the chain
		 * was keyed (0 on a new installation), or {@code null} when that start is
		 * missing.
		 */
		Long keyedFrom();

		/**
		 * Every stored event by position, streamed, until {@code visitor} answers
		 * {@code false}.
		 */
		void forEachLink(Predicate<StoredLink> visitor);

		/** Where the chain head says the chain ends. */
		ChainPoint head();

	}

	/**
	 * A position in the chain and the hash there.
	 *
	 * @param seq the position
	 * @param hash the hash of the event at it
	 */
	record ChainPoint(long seq, byte[] hash) {

		public ChainPoint {
			Objects.requireNonNull(hash, "hash");
		}

	}

	/**
	 * Where the audit retention cut the chain: the last deleted event's position and
	 * link, and their MAC under the chain's key, so that the anchor cannot be moved
	 * without the key.
	 *
	 * @param seq the last deleted position
	 * @param hash the link there
	 * @param mac {@link AuditChain#anchorMac}, or {@code null} for an anchor an older
	 * version left
	 */
	record Anchor(long seq, byte[] hash, byte[] mac) {

		public Anchor {
			Objects.requireNonNull(hash, "hash");
		}

	}

	/**
	 * One stored event as the chain sees it.
	 *
	 * @param seq its position
	 * @param prevHash the hash it claims to follow
	 * @param hash its stored hash
	 * @param event the event; throws when the row no longer reads as one (a tampered
	 * value an enum does not know, for example)
	 */
	record StoredLink(long seq, byte[] prevHash, byte[] hash, Supplier<AuditEvent> event) {
	}

}
