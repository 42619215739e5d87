package com.launcher.agentgateway.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Tokens (records and secrets) for tests. */
public final class TestAgentTokens {

	public static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

	private static final TokenCodec CODEC = new TokenCodec(new SecureRandom());

	private TestAgentTokens() {
	}

	/** A fresh, well-formed secret. */
	public static String secret() {
		return CODEC.generate();
	}

	/** An active token of the agent, first of its own family, valid for 30 days. */
	public static AgentToken active(UUID agentId) {
		UUID id = UUID.randomUUID();
		return new AgentToken(id, agentId, id, "agw_\u2026" + id.toString().substring(0, 4), TokenStatus.ACTIVE, null,
				List.of(), UUID.randomUUID(), CREATED, CREATED.plus(30, ChronoUnit.DAYS), null, null, null, null);
	}

	public static AgentToken inFamily(UUID agentId, UUID familyId) {
		AgentToken token = active(agentId);
		return new AgentToken(token.id(), agentId, familyId, token.hint(), token.status(), null, List.of(),
				token.createdBy(), token.createdAt(), token.expiresAt(), null, null, null, null);
	}

	public static AgentToken withStatus(AgentToken t, TokenStatus status) {
		return new AgentToken(t.id(), t.agentId(), t.familyId(), t.hint(), status, t.statusReason(), t.allowedCidrs(),
				t.createdBy(), t.createdAt(), t.expiresAt(), t.statusChangedAt(), t.successorId(), t.lastUsedAt(),
				t.lastUsedIp());
	}

	public static AgentToken withCidrs(AgentToken t, List<String> cidrs) {
		return new AgentToken(t.id(), t.agentId(), t.familyId(), t.hint(), t.status(), t.statusReason(), cidrs,
				t.createdBy(), t.createdAt(), t.expiresAt(), t.statusChangedAt(), t.successorId(), t.lastUsedAt(),
				t.lastUsedIp());
	}

	public static AgentToken expiringAt(AgentToken t, Instant expiresAt) {
		return new AgentToken(t.id(), t.agentId(), t.familyId(), t.hint(), t.status(), t.statusReason(),
				t.allowedCidrs(), t.createdBy(), t.createdAt(), expiresAt, t.statusChangedAt(), t.successorId(),
				t.lastUsedAt(), t.lastUsedIp());
	}

	public static AgentToken lastUsed(AgentToken t, Instant at, String ip) {
		return new AgentToken(t.id(), t.agentId(), t.familyId(), t.hint(), t.status(), t.statusReason(),
				t.allowedCidrs(), t.createdBy(), t.createdAt(), t.expiresAt(), t.statusChangedAt(), t.successorId(), at,
				ip);
	}

	/** A keyed hash stand-in: SHA-256 with a fixed test pepper. */
	public static TokenHasher hasher() {
		return (token) -> {
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				digest.update("test-pepper".getBytes(StandardCharsets.UTF_8));
				return digest.digest(token.getBytes(StandardCharsets.UTF_8));
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	/** A random 32-byte hash for stores that never see the secret. */
	public static byte[] randomHash() {
		byte[] hash = new byte[32];
		new SecureRandom().nextBytes(hash);
		return hash;
	}

}
