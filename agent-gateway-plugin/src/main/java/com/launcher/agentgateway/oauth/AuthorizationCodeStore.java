package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.Optional;

/** Where authorization codes are kept, by keyed hash. */
public interface AuthorizationCodeStore {

	void insert(AuthorizationCode code, byte[] hash);

	/**
	 * Presents a code: marks it used, atomically across nodes, and answers it with
	 * whether this was its first use (a second use is a replay, RFC 6749 §4.1.2).
	 * @param hash the keyed hash of the presented code
	 * @param now the time of use
	 * @return the code, if the hash is known
	 */
	Optional<Claimed> claim(byte[] hash, Instant now);

	/** Deletes codes that expired before the given time; answers how many. */
	int deleteExpired(Instant before, int limit);

	/**
	 * A presented code.
	 *
	 * @param code the code's record
	 * @param storedHash its stored hash, compared in constant time
	 * @param firstUse whether no one had presented it before
	 */
	record Claimed(AuthorizationCode code, byte[] storedHash, boolean firstUse) {
	}

}
