package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.token.AgentToken;
import com.launcher.agentgateway.token.TokenStatus;
import com.launcher.agentgateway.token.TokenStore;
import org.apache.ibatis.session.SqlSession;

/**
 * Tokens in {@code agw_token}, found by keyed hash through a unique index. The look-up
 * joins the agent and its grants, and reads the source's block, so that introspection
 * needs one round trip.
 */
public class MybatisTokenStore implements TokenStore {

	private final TokenMapper tokens;

	public MybatisTokenStore(SqlSession sessions) {
		this.tokens = sessions.getMapper(TokenMapper.class);
	}

	@Override
	public void insert(AgentToken token, byte[] hash) {
		String cidrs = token.allowedCidrs().isEmpty() ? null : String.join(",", token.allowedCidrs());
		this.tokens.insert(token, hash, cidrs);
	}

	@Override
	public Presented findPresented(byte[] hash, String sourceAddress) {
		List<TokenMapper.PresentedRow> rows = this.tokens.findPresented(hash, sourceAddress);
		// The statement answers at least one row, for the source's block. MyBatis reads a
		// row of nulls only (a free source, an unknown hash) as null.
		TokenMapper.PresentedRow first = rows.isEmpty() ? null : rows.get(0);
		Long blockedMillis = (first != null) ? first.blockedMs() : null;
		Optional<TokenLookup> lookup = Optional.empty();
		if (first != null && first.id() != null) {
			List<Grant> grants = new ArrayList<>(rows.size());
			for (TokenMapper.PresentedRow row : rows) {
				Grant grant = row.grant();
				if (grant != null) {
					grants.add(grant);
				}
			}
			lookup = Optional.of(new TokenLookup(first.token(), first.tokenHash(), first.agentStatus(),
					first.agentName(), first.ownerUserId(), List.copyOf(grants)));
		}
		return new Presented(lookup, MybatisSourceThrottle.blockedFor(blockedMillis));
	}

	@Override
	public Optional<AgentToken> findById(UUID tokenId) {
		return Optional.ofNullable(this.tokens.findById(tokenId)).map(TokenMapper.TokenRow::token);
	}

	@Override
	public List<AgentToken> findByAgent(UUID agentId) {
		return tokens(this.tokens.findByAgent(agentId));
	}

	@Override
	public boolean transition(UUID tokenId, TokenStatus from, TokenStatus to, String reason, UUID successorId,
			Instant now) {
		return this.tokens.transition(tokenId, from, to, reason, successorId, now) == 1;
	}

	@Override
	public List<AgentToken> revokeFamily(UUID familyId, String reason, Instant now) {
		return tokens(this.tokens.revokeFamily(familyId, reason, now));
	}

	@Override
	public List<AgentToken> transitionForOwner(UUID ownerUserId, Set<TokenStatus> from, TokenStatus to, String reason,
			Instant now) {
		if (from.isEmpty()) {
			// "IN ()" is not SQL; no status to leave means no token changes.
			return List.of();
		}
		return tokens(this.tokens.transitionForOwner(ownerUserId, from, to, reason, now));
	}

	@Override
	public void touch(UUID tokenId, Instant now, String clientAddress) {
		this.tokens.touch(tokenId, now, now.minusSeconds(60), clientAddress);
	}

	@Override
	public Set<UUID> ownersWithActiveTokens() {
		return new HashSet<>(this.tokens.ownersWithActiveTokens());
	}

	private static List<AgentToken> tokens(List<TokenMapper.TokenRow> rows) {
		return rows.stream().map(TokenMapper.TokenRow::token).toList();
	}

}
