package com.launcher.host.web;

import java.net.URI;
import java.util.List;

import com.launcher.host.config.HostProperties;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BaseUrlResolverTests {

	@Test
	void resolveWhenNoProxyThenRequestsOwnSchemeHostPortAndContextPath() {
		MockHttpServletRequest request = request("10.0.0.9");
		request.setContextPath("/launcher");
		assertThat(resolver(null, List.of()).resolve(request)).hasToString("http://gateway.test:8080/launcher");
	}

	@Test
	void resolveWhenDefaultPortThenOmitted() {
		MockHttpServletRequest request = request("10.0.0.9");
		request.setScheme("https");
		request.setServerPort(443);
		assertThat(resolver(null, List.of()).resolve(request)).hasToString("https://gateway.test");
	}

	@Test
	void resolveWhenForwardedHeadersFromUntrustedPeerThenIgnored() {
		MockHttpServletRequest request = forwarded(request("10.0.0.9"));
		assertThat(resolver(null, List.of("10.0.0.1")).resolve(request)).hasToString("http://gateway.test:8080");
	}

	@Test
	void resolveWhenForwardedHeadersFromTrustedProxyThenFirstValuesUsed() {
		MockHttpServletRequest request = forwarded(request("10.0.0.1"));
		assertThat(resolver(null, List.of("10.0.0.1")).resolve(request))
			.hasToString("https://public.example:8443/tools");
	}

	@Test
	void resolveWhenForwardedProtoOnlyThenItsDefaultPort() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-Proto", "https");
		assertThat(resolver(null, List.of("10.0.0.1")).resolve(request)).hasToString("https://gateway.test");
	}

	@Test
	void resolveWhenForwardedValuesMalformedThenEachIgnored() {
		MockHttpServletRequest request = request("10.0.0.1");
		request.addHeader("X-Forwarded-Proto", "javascript");
		request.addHeader("X-Forwarded-Host", "evil.example/path");
		request.addHeader("X-Forwarded-Port", "99999");
		request.addHeader("X-Forwarded-Prefix", "/../admin");
		assertThat(resolver(null, List.of("10.0.0.1")).resolve(request)).hasToString("http://gateway.test:8080");
	}

	@Test
	void resolveWhenPublicUrlConfiguredThenItWinsOverEverything() {
		MockHttpServletRequest request = forwarded(request("10.0.0.1"));
		assertThat(resolver(URI.create("https://launcher.example/base/"), List.of("10.0.0.1")).resolve(request))
			.hasToString("https://launcher.example/base");
	}

	@Test
	void configuredWhenNoPublicUrlThenRefuses() {
		assertThatIllegalStateException().isThrownBy(() -> resolver(null, List.of()).configured());
	}

	private static MockHttpServletRequest request(String peer) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/x");
		request.setRemoteAddr(peer);
		request.setServerName("gateway.test");
		request.setServerPort(8080);
		return request;
	}

	private static MockHttpServletRequest forwarded(MockHttpServletRequest request) {
		request.addHeader("X-Forwarded-Proto", "https, http");
		request.addHeader("X-Forwarded-Host", "public.example:8443, inner.example");
		request.addHeader("X-Forwarded-Prefix", "/tools");
		return request;
	}

	private static BaseUrlResolver resolver(URI publicUrl, List<String> trustedProxies) {
		return new BaseUrlResolver(new HostProperties(false, null, null, null,
				new HostProperties.Security(null, 60, trustedProxies), null, publicUrl, null));
	}

}
