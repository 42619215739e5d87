package com.launcher.agentgateway.oauth;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AuthorizationCodeTests {

	private static final Instant ISSUED = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void newWhenExpiringAfterItsIssueThenKept() {
		assertThat(code(ISSUED, ISSUED.plusSeconds(10)).expiresAt()).isEqualTo(ISSUED.plusSeconds(10));
	}

	@Test
	void newWhenExpiringAtOrBeforeItsIssueThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> code(ISSUED, ISSUED));
		assertThatIllegalArgumentException().isThrownBy(() -> code(ISSUED, ISSUED.minusSeconds(1)));
	}

	@Test
	void newWhenIssueTimeMissingThenRefused() {
		assertThatNullPointerException().isThrownBy(() -> code(null, ISSUED));
	}

	private static AuthorizationCode code(Instant createdAt, Instant expiresAt) {
		return new AuthorizationCode("client", "http://127.0.0.1/callback", "c".repeat(43),
				"https://launcher.example/plugins/agent-gateway/mcp", "tasker", UUID.randomUUID(), UUID.randomUUID(),
				UUID.randomUUID(), createdAt, expiresAt, null);
	}

}
