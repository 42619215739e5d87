package com.launcher.agentgateway.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The chain over audit events. Since version 0.4 each link is keyed with a secret the
 * host holds: {@code link = HMAC(K, previousLink || canonical(event))}, so editing,
 * deleting or reordering a stored event breaks the chain even for someone who can write
 * the database and compute the links again, as long as they cannot use the key.
 * <p>
 * An installation older than that has a plain chain,
 * {@code hash = SHA-256(previousHash || canonical(event))}. It stays as it was, verified
 * as before, and the keyed chain goes on from a keyed "genesis" over its last hash
 * ({@link #genesis}), taken at the position the head records as {@code keyed_from}.
 */
public final class AuditChain {

	/** The hash before the first event. */
	public static final byte[] GENESIS = new byte[32];

	private static final char SEPARATOR = '\u001f';

	private static final char NULL = '\u2400';

	private static final char ESCAPE = '\u001b';

	// Labels keep the genesis and the anchor's MAC apart from every link, whose message
	// starts with the 32 bytes of a previous link.
	private static final String GENESIS_LABEL = "agw-audit-keyed-genesis";

	private static final String ANCHOR_LABEL = "agw-audit-anchor";

	private AuditChain() {
	}

	/**
	 * The keyed link of an event.
	 * @param key the chain's key
	 * @param previousLink the link before it
	 * @param seq its position
	 * @param tail its {@link #canonicalAfterSeq canonical form after the position}
	 * @return the link
	 */
	public static byte[] keyedLink(AuditChainKey key, byte[] previousLink, long seq, String tail) {
		byte[] text = (seq + String.valueOf(SEPARATOR) + tail).getBytes(StandardCharsets.UTF_8);
		byte[] message = new byte[previousLink.length + text.length];
		System.arraycopy(previousLink, 0, message, 0, previousLink.length);
		System.arraycopy(text, 0, message, previousLink.length, text.length);
		return key.mac(message);
	}

	/**
	 * Where the keyed chain starts: a MAC over the position and the last plain hash
	 * before it, so the keyed part cannot be detached from the plain part, nor its start
	 * moved, without the key.
	 * @param key the chain's key
	 * @param seq the position the keyed chain starts after
	 * @param lastUnkeyedHash the plain hash at that position ({@link #GENESIS} at 0)
	 * @return the link the first keyed event follows
	 */
	public static byte[] genesis(AuditChainKey key, long seq, byte[] lastUnkeyedHash) {
		return key.mac(labelled(GENESIS_LABEL, seq, lastUnkeyedHash));
	}

	/**
	 * The MAC of the retention's anchor, so it cannot be moved forward (after deleting a
	 * prefix of events) without the key.
	 * @param key the chain's key
	 * @param seq the last deleted position
	 * @param hash the link there
	 * @return the MAC
	 */
	public static byte[] anchorMac(AuditChainKey key, long seq, byte[] hash) {
		return key.mac(labelled(ANCHOR_LABEL, seq, hash));
	}

	private static byte[] labelled(String label, long seq, byte[] hash) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(64);
		out.writeBytes((label + SEPARATOR + seq + SEPARATOR).getBytes(StandardCharsets.UTF_8));
		out.writeBytes(hash);
		return out.toByteArray();
	}

	/** The plain SHA-256 link, as versions before 0.4 made it (in SQL). */
	public static byte[] link(byte[] previousHash, long seq, AuditEvent event) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(previousHash);
			digest.update(canonical(seq, event).getBytes(StandardCharsets.UTF_8));
			return digest.digest();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String canonical(long seq, AuditEvent e) {
		return seq + String.valueOf(SEPARATOR) + canonicalAfterSeq(e);
	}

	/**
	 * The canonical form without its leading {@code seq} field, so that a store can link
	 * an event once it knows the position: {@code canonical = seq + U+001F + this}.
	 * @param e the event
	 * @return the canonical text after the position
	 */
	public static String canonicalAfterSeq(AuditEvent e) {
		return canonicalAfterSeq(e, AuditDetails.encode(e.details()));
	}

	/**
	 * The same, with the event's details already encoded ({@link AuditDetails#encode}),
	 * for a store that also stores them and so encodes them once.
	 * @param e the event
	 * @param details its details as {@link AuditDetails#encode} wrote them
	 * @return the canonical text after the position
	 */
	public static String canonicalAfterSeq(AuditEvent e, String details) {
		StringBuilder out = new StringBuilder(256);
		append(out, e.id());
		append(out, e.occurredAt());
		append(out, e.agentId());
		append(out, e.ownerUserId());
		append(out, e.actorType());
		append(out, e.actorId());
		append(out, e.action());
		append(out, e.targetType());
		append(out, e.targetId());
		append(out, e.outcome());
		append(out, e.reason());
		append(out, e.requestId());
		append(out, e.sourceAddress());
		append(out, e.tokenId());
		append(out, e.tokenHint());
		append(out, details);
		return out.toString();
	}

	private static void append(StringBuilder out, Object value) {
		if (value == null) {
			out.append(NULL).append(SEPARATOR);
			return;
		}
		// Escaped, a value can neither end its field early (and shift the next one) nor
		// pass for null; values without these characters encode as they always did.
		String text = value.toString();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == SEPARATOR || c == NULL || c == ESCAPE) {
				out.append(ESCAPE);
			}
			out.append(c);
		}
		out.append(SEPARATOR);
	}

	/**
	 * Walks a stored chain and reports the first event whose link breaks: an edited,
	 * deleted or reordered row, or one that no longer reads as an event. The walk starts
	 * from the anchor the audit retention left (or the genesis), and the chain must end
	 * where the head says, so deleting the newest events, or all of them, is reported at
	 * the first missing position. Links after the keyed start are checked with the key;
	 * an anchor whose MAC does not hold, or a missing keyed start, breaks the chain at
	 * the first position after the anchor.
	 * @param snapshot the chain as of one moment
	 * @param key the chain's key
	 * @return the outcome
	 */
	public static AuditLog.ChainVerification verify(AuditReader.ChainSnapshot snapshot, AuditChainKey key) {
		Optional<AuditReader.Anchor> anchor = snapshot.anchor();
		long startSeq = anchor.map(AuditReader.Anchor::seq).orElse(0L);
		Long prunedThrough = anchor.map(AuditReader.Anchor::seq).orElse(null);
		Long keyedFrom = snapshot.keyedFrom();
		AuditReader.ChainPoint head = snapshot.head();
		AuditLog.Range unkeyed = range(startSeq + 1,
				(keyedFrom != null) ? Math.min(keyedFrom, head.seq()) : head.seq());
		AuditLog.Range keyed = (keyedFrom != null) ? range(Math.max(startSeq, keyedFrom) + 1, head.seq()) : null;
		if (keyedFrom == null || !anchorHolds(anchor, keyedFrom, key)) {
			return new AuditLog.ChainVerification(false, 0, startSeq + 1, prunedThrough, unkeyed, keyed);
		}
		Walk walk = new Walk(key, keyedFrom, anchor.map(AuditReader.Anchor::hash).orElse(GENESIS), startSeq);
		snapshot.forEachLink(walk);
		Long broken = walk.broken;
		if (broken == null) {
			if (head.seq() != walk.lastSeq || !MessageDigest.isEqual(head.hash(), walk.expected)) {
				broken = walk.lastSeq + 1;
			}
		}
		return new AuditLog.ChainVerification(broken == null, walk.checked, broken, prunedThrough, unkeyed, keyed);
	}

	/**
	 * A keyed anchor must carry its MAC; only an anchor an older version left inside the
	 * plain part may have none, as that part is no stronger anyway.
	 */
	private static boolean anchorHolds(Optional<AuditReader.Anchor> anchor, long keyedFrom, AuditChainKey key) {
		if (anchor.isEmpty()) {
			return true;
		}
		AuditReader.Anchor point = anchor.get();
		if (point.mac() == null) {
			return point.seq() <= keyedFrom;
		}
		return MessageDigest.isEqual(point.mac(), anchorMac(key, point.seq(), point.hash()));
	}

	private static AuditLog.Range range(long from, long to) {
		return (from <= to) ? new AuditLog.Range(from, to) : null;
	}

	/** The walk along the links, stopping at the first that breaks. */
	private static final class Walk implements Predicate<AuditReader.StoredLink> {

		private final AuditChainKey key;

		private final long keyedFrom;

		private byte[] expected;

		private long lastSeq;

		private long checked;

		private Long broken;

		Walk(AuditChainKey key, long keyedFrom, byte[] start, long startSeq) {
			this.key = key;
			this.keyedFrom = keyedFrom;
			this.expected = start;
			this.lastSeq = startSeq;
			enterKeyedPart();
		}

		/** At the keyed start, the next link follows the keyed genesis. */
		private void enterKeyedPart() {
			if (this.lastSeq == this.keyedFrom) {
				this.expected = genesis(this.key, this.lastSeq, this.expected);
			}
		}

		@Override
		public boolean test(AuditReader.StoredLink link) {
			this.checked++;
			AuditEvent event;
			try {
				event = link.event().get();
			}
			catch (RuntimeException ex) {
				// A tampered row may no longer read as an event (an unknown enum name, a
				// null where one is required): a broken link to report, not a failure.
				this.broken = link.seq();
				return false;
			}
			byte[] computed = (link.seq() > this.keyedFrom)
					? keyedLink(this.key, this.expected, link.seq(), canonicalAfterSeq(event))
					: link(this.expected, link.seq(), event);
			if (!MessageDigest.isEqual(link.prevHash(), this.expected)
					|| !MessageDigest.isEqual(link.hash(), computed)) {
				this.broken = link.seq();
				return false;
			}
			this.expected = link.hash();
			this.lastSeq = link.seq();
			enterKeyedPart();
			return true;
		}

	}

}
