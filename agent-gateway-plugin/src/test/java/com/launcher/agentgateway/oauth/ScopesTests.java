package com.launcher.agentgateway.oauth;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScopesTests {

	@Test
	void grantWhenNothingOrKnownValuesThenTasker() {
		assertThat(Scopes.grant(null, OAuthError.INVALID_SCOPE)).isEqualTo("tasker");
		assertThat(Scopes.grant(Set.of(), OAuthError.INVALID_SCOPE)).isEqualTo("tasker");
		assertThat(Scopes.grant(Set.of("tasker", "offline_access"), OAuthError.INVALID_SCOPE)).isEqualTo("tasker");
	}

	@Test
	void grantWhenUnknownValueThenTheGivenError() {
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> Scopes.grant(Set.of("tasker", "admin"), OAuthError.INVALID_CLIENT_METADATA))
			.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.INVALID_CLIENT_METADATA))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("unknown_scope"));
	}

}
