package com.launcher.host.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void doFilterWhenIncomingIdIsWellFormedThenKeptAndEchoed() throws ServletException, IOException {
		assertThat(idFor("client-request-0001")).isEqualTo("client-request-0001");
		assertThat(idFor("task-12345678")).isEqualTo("task-12345678");
	}

	@Test
	void doFilterWhenIncomingIdIsTokenShapedThenReplacedWithAGeneratedId() throws ServletException, IOException {
		// A real-looking gateway token and others: never echoed into logs, audit or the
		// response (issue 12, point 12).
		for (String secret : new String[] { "agw_" + "A1b2C3d4E5".repeat(3) + "abcdefgh", "ghp_" + "a".repeat(36),
				"AKIAIOSFODNN7EXAMPLE", "sk-proj-" + "x".repeat(40) }) {
			String id = idFor(secret);
			assertThat(id).as(secret).isNotEqualTo(secret).doesNotContain(secret.substring(4, 12));
			assertThat(id).matches("[0-9a-f-]{36}");
		}
	}

	private String idFor(String incoming) throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		request.addHeader("X-Request-Id", incoming);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(request.getAttribute(RequestIdFilter.ATTRIBUTE)).isEqualTo(response.getHeader("X-Request-Id"));
		return response.getHeader("X-Request-Id");
	}

}
