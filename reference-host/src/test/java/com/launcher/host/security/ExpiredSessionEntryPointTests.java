package com.launcher.host.security;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InsufficientAuthenticationException;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiredSessionEntryPointTests {

	private final ExpiredSessionEntryPoint entryPoint = new ExpiredSessionEntryPoint();

	@Test
	void commenceWhenPageGetWithUnknownSessionThenLoginSaysExpired() throws Exception {
		assertThat(redirect(request("GET", "dead-session", false))).endsWith("/login?expired");
	}

	@Test
	void commenceWhenPageGetWithoutSessionCookieThenPlainLogin() throws Exception {
		assertThat(redirect(request("GET", null, false))).endsWith("/login");
	}

	@Test
	void commenceWhenSessionStillValidThenPlainLogin() throws Exception {
		assertThat(redirect(request("GET", "live-session", true))).endsWith("/login");
	}

	@Test
	void commenceWhenPostWithUnknownSessionThenPlainLogin() throws Exception {
		assertThat(redirect(request("POST", "dead-session", false))).endsWith("/login");
	}

	private static MockHttpServletRequest request(String method, String sessionId, boolean valid) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/plugins/agent-gateway/");
		request.setRequestedSessionId(sessionId);
		request.setRequestedSessionIdValid(valid);
		return request;
	}

	private String redirect(MockHttpServletRequest request) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.entryPoint.commence(request, response, new InsufficientAuthenticationException("signed out"));
		assertThat(response.getStatus()).isEqualTo(302);
		return response.getRedirectedUrl();
	}

}
