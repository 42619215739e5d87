package com.launcher.agentgateway.token;

import java.util.Objects;
import java.util.Optional;

/**
 * Keyed hash of a token, {@code HMAC-SHA-256(pepper, token)}: the only form in which
 * tokens are stored. The pepper lives with the host, not in the database (security.md,
 * Tokens).
 * <p>
 * Peppers carry a key id, so that one can be rotated without a lockout (issue 18 point
 * 7): new hashes are made with the current pepper, and while a previous one is still
 * accepted a token not found under the current pepper is looked up once more under it,
 * then re-hashed on its first successful use.
 */
public interface TokenHasher {

	/** The key id of the pepper the host's unversioned {@code token-pepper} holds. */
	String DEFAULT_KEY_ID = "default";

	/**
	 * The hash under the current pepper, the one every new hash is made with.
	 * @param token the token
	 * @return the hash
	 */
	byte[] hash(String token);

	/** The current pepper's key id. */
	default String keyId() {
		return DEFAULT_KEY_ID;
	}

	/**
	 * The hash under the previous pepper, while one is still accepted.
	 * @param token the token
	 * @return the hash and its key id, or empty when only the current pepper is accepted
	 */
	default Optional<KeyedHash> previous(String token) {
		return Optional.empty();
	}

	/**
	 * A hash and the key id of the pepper it was made with.
	 *
	 * @param keyId the pepper's key id
	 * @param hash the hash
	 */
	record KeyedHash(String keyId, byte[] hash) {

		public KeyedHash {
			Objects.requireNonNull(keyId, "keyId");
			Objects.requireNonNull(hash, "hash");
		}

	}

}
