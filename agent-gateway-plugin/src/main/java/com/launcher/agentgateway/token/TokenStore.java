package com.launcher.agentgateway.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.agent.AgentStatus;
import com.launcher.agentgateway.grant.Grant;

/** Where tokens are kept, by keyed hash. */
public interface TokenStore {

	void insert(AgentToken token, byte[] hash);

	/**
	 * The one round trip of introspection: a single indexed equality on the hash,
	 * returning the token with what authentication needs of its agent, and, from the same
	 * statement, whether the presenting source is being refused for failed attempts (the
	 * block that {@link SourceThrottle} records).
	 * @param hash the keyed hash of the presented token
	 * @param sourceAddress the address the token came from
	 * @return the match, if any, and the source's block, if any
	 */
	Presented findPresented(byte[] hash, String sourceAddress);

	/**
	 * Moves a token found under the previous pepper to the current one.
	 * @param tokenId the token
	 * @param from its hash under the previous pepper
	 * @param to its hash under the current pepper
	 * @return whether this call moved it (another request may have done so first)
	 */
	boolean rehash(UUID tokenId, byte[] from, byte[] to);

	Optional<AgentToken> findById(UUID tokenId);

	List<AgentToken> findByAgent(UUID agentId);

	/**
	 * Moves a token from one status to another, if it is still in the first.
	 * @return whether it moved
	 */
	boolean transition(UUID tokenId, TokenStatus from, TokenStatus to, String reason, UUID successorId, Instant now);

	/** Revokes every non-revoked token of a family; answers the tokens changed. */
	List<AgentToken> revokeFamily(UUID familyId, String reason, Instant now);

	/** Moves every token of an owner's agents in one of {@code from} to {@code to}. */
	List<AgentToken> transitionForOwner(UUID ownerUserId, Set<TokenStatus> from, TokenStatus to, String reason,
			Instant now);

	/**
	 * Records a use; implementations write at most once per minute per token and address.
	 */
	void touch(UUID tokenId, Instant now, String clientAddress);

	/** Owners of agents that hold at least one active token. */
	Set<UUID> ownersWithActiveTokens();

	/**
	 * What introspection needs, from one query.
	 *
	 * @param token the token
	 * @param storedHash its stored hash, compared in constant time
	 * @param agentStatus its agent's status
	 * @param agentName its agent's name
	 * @param ownerUserId its agent's owner
	 * @param grants its agent's grants
	 */
	record TokenLookup(AgentToken token, byte[] storedHash, AgentStatus agentStatus, String agentName, UUID ownerUserId,
			List<Grant> grants) {
	}

	/**
	 * What one lookup of a presented token found.
	 *
	 * @param lookup the token with its agent and grants, if the hash is known
	 * @param sourceBlockedFor how much longer the source is refused, if it is
	 */
	record Presented(Optional<TokenLookup> lookup, Optional<Duration> sourceBlockedFor) {

		public Presented {
			Objects.requireNonNull(lookup, "lookup");
			Objects.requireNonNull(sourceBlockedFor, "sourceBlockedFor");
		}

	}

}
