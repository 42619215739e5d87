package com.launcher.agentgateway.grant;

import java.time.Instant;
import java.util.UUID;

/** Grants for tests. */
public final class TestGrants {

	public static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

	private TestGrants() {
	}

	public static Grant grant(UUID agentId, String identifier, Access access) {
		return new Grant(UUID.randomUUID(), agentId, "acme", UUID.randomUUID(), identifier, identifier + " project",
				access, UUID.randomUUID(), CREATED);
	}

	public static Grant read(UUID agentId, String identifier) {
		return grant(agentId, identifier, Access.READ);
	}

	public static Grant write(UUID agentId, String identifier) {
		return grant(agentId, identifier, Access.WRITE);
	}

}
