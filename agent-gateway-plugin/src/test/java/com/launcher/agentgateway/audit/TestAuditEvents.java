package com.launcher.agentgateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Audit events for tests. */
public final class TestAuditEvents {

	public static final Instant AT = Instant.parse("2026-11-22T10:00:00.123456Z");

	/** The chain's key in tests, as the reference host keys a configured secret. */
	public static final AuditChainKey KEY = key("test-audit-chain-key");

	private TestAuditEvents() {
	}

	/** HMAC-SHA-256 with the secret's UTF-8 bytes as key, as the host's secrets do. */
	public static AuditChainKey key(String secret) {
		SecretKeySpec spec = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
		return (message) -> {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(spec);
				return mac.doFinal(message);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		};
	}

	/** A fully populated event: every column has a value. */
	public static AuditEvent full() {
		return full(UUID.randomUUID(), UUID.randomUUID(), AT);
	}

	public static AuditEvent full(UUID agentId, UUID ownerUserId, Instant at) {
		return AuditEvent.builder("tool.create_work_item", AuditEvent.Outcome.SUCCEEDED)
			.at(at)
			.agent(agentId, ownerUserId)
			.actor(AuditEvent.ActorType.AGENT, agentId.toString())
			.target("work_item", "WEB-12")
			.reason("ok")
			.request("req-1", "10.0.0.7")
			.token(UUID.randomUUID(), "agw_\u2026abcd")
			.detail("project", "WEB")
			.detail("note", "line\n\"quoted\" \\ back")
			.build();
	}

	public static AuditEvent denied(UUID agentId, UUID ownerUserId, Instant at, String action) {
		return AuditEvent.builder(action, AuditEvent.Outcome.DENIED)
			.at(at)
			.agent(agentId, ownerUserId)
			.actor(AuditEvent.ActorType.AGENT, agentId.toString())
			.reason("rate_limited")
			.build();
	}

	public static AuditEvent allowed(UUID agentId, UUID ownerUserId, Instant at, String action) {
		return AuditEvent.builder(action, AuditEvent.Outcome.ALLOWED)
			.at(at)
			.agent(agentId, ownerUserId)
			.actor(AuditEvent.ActorType.AGENT, agentId.toString())
			.build();
	}

}
