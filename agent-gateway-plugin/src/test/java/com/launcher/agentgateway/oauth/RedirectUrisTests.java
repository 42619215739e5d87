package com.launcher.agentgateway.oauth;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RedirectUrisTests {

	@Test
	void validateWhenHttpsOrLoopbackHttpThenAccepted() {
		List<String> uris = List.of("https://app.example/cb", "http://127.0.0.1:8765/callback", "http://[::1]/callback",
				"http://localhost/callback");
		assertThat(RedirectUris.validate(uris)).isEqualTo(uris);
	}

	@Test
	void validateWhenNotAcceptableThenInvalidRedirectUri() {
		for (String uri : List.of("http://example.com/cb", "https://app.example/cb#x", "https://user@app.example/cb",
				"/relative", "mailto:someone@example.com", "javascript:alert(1)", "https://" + "a".repeat(2_000))) {
			assertThatExceptionOfType(OAuthException.class).as(uri)
				.isThrownBy(() -> RedirectUris.validate(List.of(uri)))
				.satisfies((ex) -> assertThat(ex.error()).isEqualTo(OAuthError.INVALID_REDIRECT_URI));
		}
	}

	@Test
	void validateWhenNoneOrTooManyThenInvalidRedirectUri() {
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> RedirectUris.validate(List.of()))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("redirect_uris_missing"));
		assertThatExceptionOfType(OAuthException.class).isThrownBy(() -> RedirectUris.validate(null));
		assertThatExceptionOfType(OAuthException.class)
			.isThrownBy(() -> RedirectUris.validate(Collections.nCopies(11, "https://app.example/cb")))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo("redirect_uris_too_many"));
	}

	@Test
	void matchesWhenLoopbackThenAnyPortButSameHostPathAndQuery() {
		assertThat(RedirectUris.matches("http://127.0.0.1/callback", "http://127.0.0.1:51234/callback")).isTrue();
		assertThat(RedirectUris.matches("http://127.0.0.1:1/callback", "http://127.0.0.1:2/callback")).isTrue();
		assertThat(RedirectUris.matches("http://127.0.0.1/callback", "http://127.0.0.1:5/other")).isFalse();
		assertThat(RedirectUris.matches("http://127.0.0.1/callback", "http://localhost:5/callback")).isFalse();
		assertThat(RedirectUris.matches("http://127.0.0.1/cb?a=1", "http://127.0.0.1:5/cb?a=2")).isFalse();
		assertThat(RedirectUris.matches("http://127.0.0.1/cb", "http://127.0.0.1:5/cb#frag")).isFalse();
	}

	@Test
	void matchesWhenNotLoopbackThenExactOnly() {
		assertThat(RedirectUris.matches("https://app.example/cb", "https://app.example/cb")).isTrue();
		assertThat(RedirectUris.matches("https://app.example/cb", "https://app.example:8443/cb")).isFalse();
		assertThat(RedirectUris.matches("https://app.example/cb", "https://app.example/cb/")).isFalse();
		assertThat(RedirectUris.matches("https://app.example/cb", null)).isFalse();
		assertThat(RedirectUris.matches(null, "https://app.example/cb")).isFalse();
		assertThat(RedirectUris.matches("https://app.example/cb", "not a uri")).isFalse();
	}

}
