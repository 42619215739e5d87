package com.launcher.agentgateway.token;

import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * The token format (after GitHub's): {@code agw_} + 32 Base62 characters from
 * {@link SecureRandom} (~190 bits) + a 6-character Base62 CRC32 of those 32 characters. A
 * scanner can recognise a leaked token offline, and a mistyped or made-up token is
 * refused here, before any database query.
 */
public final class TokenCodec {

	public static final String PREFIX = "agw_";

	static final int RANDOM_LENGTH = 32;

	static final int CHECKSUM_LENGTH = 6;

	public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

	private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		.toCharArray();

	private final SecureRandom random;

	private final String prefix;

	public TokenCodec(SecureRandom random) {
		this(random, PREFIX);
	}

	/**
	 * A codec for another kind of secret in the same shape, told apart by its prefix
	 * (OAuth refresh tokens and authorization codes), so that one kind can never be
	 * presented as another and a scanner still recognises each.
	 * @param random the source of the random part
	 * @param prefix a short prefix ending in {@code _}
	 */
	public TokenCodec(SecureRandom random, String prefix) {
		if (prefix == null || !prefix.matches("[a-z]{2,8}_")) {
			throw new IllegalArgumentException("prefix must be 2 to 8 lower-case letters and '_'");
		}
		this.random = random;
		this.prefix = prefix;
	}

	public String generate() {
		char[] body = new char[RANDOM_LENGTH];
		for (int i = 0; i < RANDOM_LENGTH; i++) {
			body[i] = ALPHABET[this.random.nextInt(ALPHABET.length)];
		}
		String randomPart = new String(body);
		return this.prefix + randomPart + checksum(randomPart);
	}

	/** Whether a presented string has the token's shape and a matching checksum. */
	public static boolean isWellFormed(String token) {
		return isWellFormed(token, PREFIX);
	}

	/**
	 * Whether a presented string has this codec's prefix, the shape and a matching
	 * checksum.
	 */
	public boolean accepts(String presented) {
		return isWellFormed(presented, this.prefix);
	}

	/**
	 * A non-secret hint for a secret of this codec: its prefix and last four characters.
	 */
	public String hintOf(String secret) {
		return this.prefix + "\u2026" + secret.substring(secret.length() - 4);
	}

	private static boolean isWellFormed(String token, String prefix) {
		int length = prefix.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;
		if (token == null || token.length() != length || !token.startsWith(prefix)) {
			return false;
		}
		for (int i = prefix.length(); i < length; i++) {
			if (value(token.charAt(i)) < 0) {
				return false;
			}
		}
		String randomPart = token.substring(prefix.length(), prefix.length() + RANDOM_LENGTH);
		return checksum(randomPart).equals(token.substring(prefix.length() + RANDOM_LENGTH));
	}

	/**
	 * A non-secret hint to show next to a token: the prefix and the last four characters.
	 */
	public static String hint(String token) {
		return PREFIX + "\u2026" + token.substring(token.length() - 4);
	}

	static String checksum(String randomPart) {
		CRC32 crc = new CRC32();
		for (int i = 0; i < randomPart.length(); i++) {
			crc.update(randomPart.charAt(i));
		}
		long value = crc.getValue();
		char[] out = new char[CHECKSUM_LENGTH];
		for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
			out[i] = ALPHABET[(int) (value % 62)];
			value /= 62;
		}
		return new String(out);
	}

	private static int value(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'A' && c <= 'Z') {
			return c - 'A' + 10;
		}
		if (c >= 'a' && c <= 'z') {
			return c - 'a' + 36;
		}
		return -1;
	}

}
