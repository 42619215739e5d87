package com.launcher.agentgateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The hash chain over audit events:
 * {@code hash = SHA-256(previousHash || canonical(event))}. Editing, deleting or
 * reordering a stored event breaks every later link.
 */
public final class AuditChain {

	/** The hash before the first event. */
	public static final byte[] GENESIS = new byte[32];

	private static final char SEPARATOR = '\u001f';

	private static final char NULL = '\u2400';

	private static final char ESCAPE = '\u001b';

	private AuditChain() {
	}

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
		append(out, AuditDetails.encode(e.details()));
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
	 * the first missing position.
	 * @param snapshot the chain as of one moment
	 * @return the outcome
	 */
	public static AuditLog.ChainVerification verify(AuditReader.ChainSnapshot snapshot) {
		Optional<AuditReader.ChainPoint> anchor = snapshot.anchor();
		Walk walk = new Walk(anchor.map(AuditReader.ChainPoint::hash).orElse(GENESIS),
				anchor.map(AuditReader.ChainPoint::seq).orElse(0L));
		snapshot.forEachLink(walk);
		Long broken = walk.broken;
		if (broken == null) {
			AuditReader.ChainPoint head = snapshot.head();
			if (head.seq() != walk.lastSeq || !MessageDigest.isEqual(head.hash(), walk.expected)) {
				broken = walk.lastSeq + 1;
			}
		}
		return new AuditLog.ChainVerification(broken == null, walk.checked, broken,
				anchor.map(AuditReader.ChainPoint::seq).orElse(null));
	}

	/** The walk along the links, stopping at the first that breaks. */
	private static final class Walk implements Predicate<AuditReader.StoredLink> {

		private byte[] expected;

		private long lastSeq;

		private long checked;

		private Long broken;

		Walk(byte[] start, long startSeq) {
			this.expected = start;
			this.lastSeq = startSeq;
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
			if (!MessageDigest.isEqual(link.prevHash(), this.expected)
					|| !MessageDigest.isEqual(link.hash(), link(this.expected, link.seq(), event))) {
				this.broken = link.seq();
				return false;
			}
			this.expected = link.hash();
			this.lastSeq = link.seq();
			return true;
		}

	}

}
