package com.launcher.host.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class PresentedBearerCredentialTests {

	@Test
	void credentialWhenBearerSchemeInAnyCaseThenRestOfHeader() {
		assertThat(PresentedBearerCredential.credential("Bearer abc")).isEqualTo("abc");
		assertThat(PresentedBearerCredential.credential("bEaReR abc")).isEqualTo("abc");
	}

	@Test
	void credentialWhenSeveralSpacesThenSkipped() {
		assertThat(PresentedBearerCredential.credential("Bearer   abc")).isEqualTo("abc");
	}

	@Test
	void credentialWhenMalformedForSpringThenKeptAsPresented() {
		assertThat(PresentedBearerCredential.credential("Bearer a!b c")).isEqualTo("a!b c");
		assertThat(PresentedBearerCredential.credential("Bearer")).isEmpty();
		assertThat(PresentedBearerCredential.credential("Bearer ")).isEmpty();
	}

	@Test
	void credentialWhenOtherSchemeOrNoneThenNull() {
		assertThat(PresentedBearerCredential.credential(null)).isNull();
		assertThat(PresentedBearerCredential.credential("Basic YTpi")).isNull();
		assertThat(PresentedBearerCredential.credential("Bearerabc")).isNull();
		assertThat(PresentedBearerCredential.credential("agw_abc")).isNull();
	}

	@Test
	void fromWhenNoAuthorizationHeaderThenNull() {
		assertThat(PresentedBearerCredential.from(new MockHttpServletRequest())).isNull();
	}

	@Test
	void toStringWhenCredentialPresentThenHidden() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer secret-value");
		PresentedBearerCredential credential = PresentedBearerCredential.from(request);
		assertThat(credential.credential()).isEqualTo("secret-value");
		assertThat(credential.toString()).doesNotContain("secret-value");
	}

}
