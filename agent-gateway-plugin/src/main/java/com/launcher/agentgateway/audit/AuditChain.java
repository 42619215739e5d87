package com.launcher.agentgateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.TreeMap;

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
	 * Encodes details as a small canonical JSON object (sorted keys, escaped strings).
	 */
	public static final class AuditDetails {

		private AuditDetails() {
		}

		public static String encode(Map<String, String> details) {
			StringBuilder out = new StringBuilder("{");
			new TreeMap<>(details).forEach((key, value) -> {
				if (out.length() > 1) {
					out.append(',');
				}
				quote(out, key);
				out.append(':');
				quote(out, value);
			});
			return out.append('}').toString();
		}

		private static void quote(StringBuilder out, String value) {
			out.append('"');
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					case '\r' -> out.append("\\r");
					case '\t' -> out.append("\\t");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			out.append('"');
		}

	}

}
