package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class AuthorizationTests {

	private static final String RESOURCE = "https://launcher.example/plugins/agent-gateway/mcp";

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void constructorWhenEveryFieldPresentThenAccepts() {
		assertThatNoException().isThrownBy(() -> new Authorization(UUID.randomUUID(), "client", UUID.randomUUID(),
				UUID.randomUUID(), RESOURCE, "tasker", NOW));
	}

	@Test
	void constructorWhenARequiredFieldIsMissingThenRefusesNamingIt() {
		UUID id = UUID.randomUUID();
		assertThatNullPointerException()
			.isThrownBy(() -> new Authorization(null, "client", id, id, RESOURCE, "tasker", NOW))
			.withMessage("familyId");
		assertThatNullPointerException().isThrownBy(() -> new Authorization(id, null, id, id, RESOURCE, "tasker", NOW))
			.withMessage("clientId");
		assertThatNullPointerException()
			.isThrownBy(() -> new Authorization(id, "client", null, id, RESOURCE, "tasker", NOW))
			.withMessage("agentId");
		assertThatNullPointerException()
			.isThrownBy(() -> new Authorization(id, "client", id, null, RESOURCE, "tasker", NOW))
			.withMessage("ownerUserId");
		assertThatNullPointerException().isThrownBy(() -> new Authorization(id, "client", id, id, null, "tasker", NOW))
			.withMessage("resource");
		assertThatNullPointerException()
			.isThrownBy(() -> new Authorization(id, "client", id, id, RESOURCE, "tasker", null))
			.withMessage("consentedAt");
	}

}
