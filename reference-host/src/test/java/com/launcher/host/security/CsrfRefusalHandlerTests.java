package com.launcher.host.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;
import com.launcher.host.api.web.RefusedRequest;
import com.launcher.host.api.web.RefusedRequestListener;
import com.launcher.host.config.HostProperties;
import com.launcher.host.web.ClientAddressResolver;
import com.launcher.host.web.HostCurrentUser;
import com.launcher.host.web.RequestIdFilter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.InvalidCsrfTokenException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;

class CsrfRefusalHandlerTests {

	private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private final PluginRefusalListeners listeners = new PluginRefusalListeners();

	private final HostCurrentUser currentUser = mock(HostCurrentUser.class);

	private final List<RefusedRequest> told = new ArrayList<>();

	private CsrfRefusalHandler handler;

	@BeforeEach
	void setUp() {
		HostProperties properties = mock(HostProperties.class, RETURNS_DEEP_STUBS);
		given(properties.security().trustedProxies()).willReturn(List.of());
		this.handler = new CsrfRefusalHandler(this.listeners, this.currentUser, new ClientAddressResolver(properties));
		this.listeners.register("agent-gateway", this.told::add);
		given(this.currentUser.get()).willReturn(
				Optional.of(new LauncherUser(ALICE, "alice", "Alice", "alice@example.test", UserStatus.ACTIVE, false)));
	}

	@Test
	void handleWhenCsrfTokenMissingOnPluginRouteThenPluginToldOnceAndForbidden() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handle(consentPost(), response, new MissingCsrfTokenException(null));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(this.told).singleElement().satisfies((refused) -> {
			assertThat(refused.requestId()).isEqualTo("req-00000001");
			assertThat(refused.method()).isEqualTo("POST");
			assertThat(refused.path()).isEqualTo("/plugins/agent-gateway/oauth/authorize");
			assertThat(refused.userId()).isEqualTo(ALICE);
			assertThat(refused.clientAddress()).isEqualTo("192.0.2.7");
			assertThat(refused.reason()).isEqualTo(RefusedRequest.CSRF_INVALID);
		});
	}

	@Test
	void handleWhenCsrfTokenWrongFromBrowserThenPlainPageWithoutFrameworkText() throws Exception {
		MockHttpServletRequest request = consentPost();
		request.addHeader("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handle(request, response,
				new InvalidCsrfTokenException(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "expected"), "forged"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("This form was refused")
			.contains("Nothing was changed")
			.doesNotContain("Exception")
			.doesNotContain("forged")
			.doesNotContain("expected");
		assertThat(this.told).hasSize(1);
	}

	@Test
	void handleWhenListenerThrowsThenAnswerIsStillForbiddenAndOtherListenersAreTold() throws Exception {
		List<RefusedRequest> second = new ArrayList<>();
		this.listeners.register("agent-gateway", (refused) -> {
			throw new IllegalStateException("audit log down");
		});
		this.listeners.register("agent-gateway", second::add);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handle(consentPost(), response, new MissingCsrfTokenException(null));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(this.told).hasSize(1);
		assertThat(second).hasSize(1);
	}

	@Test
	void handleWhenNobodySignedInThenPluginToldWithoutUser() throws Exception {
		given(this.currentUser.get()).willReturn(Optional.empty());
		this.handler.handle(consentPost(), new MockHttpServletResponse(), new MissingCsrfTokenException(null));
		assertThat(this.told).singleElement().satisfies((refused) -> assertThat(refused.userId()).isNull());
	}

	@Test
	void handleWhenRefusedRouteIsTheHostsOrAnotherPluginsThenThisPluginIsNotTold() throws Exception {
		MockHttpServletRequest host = post("/launcher/api/users");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handle(host, response, new MissingCsrfTokenException(null));
		this.handler.handle(post("/plugins/other/agents"), new MockHttpServletResponse(),
				new MissingCsrfTokenException(null));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(this.told).isEmpty();
	}

	@Test
	void handleWhenAccessDeniedForAnotherReasonThenNoListenerIsTold() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.handler.handle(consentPost(), response, new AccessDeniedException("not an admin"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(this.told).isEmpty();
	}

	@Test
	void notifyWhenListenerUnregisteredThenNotToldAgain() throws Exception {
		PluginRefusalListeners own = new PluginRefusalListeners();
		List<RefusedRequest> seen = new ArrayList<>();
		RefusedRequestListener listener = seen::add;
		own.register("agent-gateway", listener);
		own.unregister("agent-gateway", listener);
		own.notify("agent-gateway", new RefusedRequest("r", "POST", "/plugins/agent-gateway/agents", null, "-",
				RefusedRequest.CSRF_INVALID));
		assertThat(seen).isEmpty();
	}

	private static MockHttpServletRequest consentPost() {
		return post("/plugins/agent-gateway/oauth/authorize");
	}

	private static MockHttpServletRequest post(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setRemoteAddr("192.0.2.7");
		request.setAttribute(RequestIdFilter.ATTRIBUTE, "req-00000001");
		return request;
	}

}
