package com.launcher.e2e.foundation;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;
import com.launcher.host.user.MybatisUserDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's security chains: pages need a login, humans' REST calls take a JWT, only
 * platform admins manage plugins, and an agent's opaque token opens no page.
 */
class HostSecurityEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1);
		node = cluster.node();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void pageWhenUnauthenticatedThenRedirectsToLogin() {
		HttpResponse<String> response = node.send(node.anonymous("/plugins/agent-gateway/").GET());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
	}

	// A page GET whose session the host no longer knows is told why at sign-in; the same
	// dead cookie on a REST call still gets the bearer challenge.
	@Test
	void pageWhenSessionCookieUnknownThenLoginSaysExpiredAndRestStill401() {
		String cookie = "JSESSIONID=0123456789ABCDEF0123456789ABCDEF";
		HttpResponse<String> page = node.send(node.anonymous("/plugins/agent-gateway/").header("Cookie", cookie).GET());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location"))
			.hasValueSatisfying((l) -> assertThat(l).endsWith("/login?expired"));
		HttpResponse<String> rest = node
			.send(node.anonymous("/plugins/agent-gateway/api/v1/agents").header("Cookie", cookie).GET());
		assertThat(rest.statusCode()).isEqualTo(401);
	}

	@Test
	void restWhenUnauthenticatedThenBearerChallengeNotRedirect() {
		HttpResponse<String> response = node.send(node.anonymous("/plugins/agent-gateway/api/v1/agents").GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("Bearer"));
	}

	@Test
	void stopPluginWhenJwtWithoutAdminRoleThenForbidden() {
		String jwt = jwt("alice");
		HttpResponse<String> response = node.send(node.anonymous("/launcher/api/plugins/agent-gateway/stop")
			.header("Authorization", "Bearer " + jwt)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(node.pluginHost().plugins()).anySatisfy((p) -> {
			assertThat(p.id()).isEqualTo("agent-gateway");
			assertThat(p.state()).isEqualTo("STARTED");
		});
	}

	@Test
	void restWhenJwtOfUserThenAuthenticated() {
		HttpResponse<String> response = node.send(node.anonymous("/plugins/agent-gateway/api/v1/agents")
			.header("Authorization", "Bearer " + jwt("alice"))
			.GET());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("[");
	}

	@Test
	void pageWhenOpaqueAgentTokenThenRefused() {
		String agentToken = node.mint("alice", node.createAgent("alice", "page-probe"))[1];
		HttpResponse<String> response = node
			.send(node.anonymous("/plugins/agent-gateway/").header("Authorization", "Bearer " + agentToken).GET());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).doesNotContain(agentToken);
		HttpResponse<String> api = node.send(node.anonymous("/plugins/agent-gateway/api/v1/agents")
			.header("Authorization", "Bearer " + agentToken)
			.GET());
		assertThat(api.statusCode()).isEqualTo(401);
	}

	@Test
	void formPostWhenNoCsrfTokenThenForbidden() {
		HttpResponse<String> login = node.send(node.anonymous("/login")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=alice&password=alice-demo")));
		assertThat(login.statusCode()).isEqualTo(403);
	}

	@Test
	void userAdminWhenNotPlatformAdminThenForbidden() {
		assertThat(node.post("alice", "/launcher/api/users/" + LauncherNode.BOB_ID + "/block", null).statusCode())
			.isEqualTo(403);
		assertThat(node.get("alice", "/launcher/api/users").statusCode()).isEqualTo(403);
		assertThat(node.get("admin", "/launcher/api/users").body()).contains("\"username\":\"bob\"")
			.contains("\"status\":\"ACTIVE\"");
	}

	@Test
	void protectedResourceMetadataWhenAskedThenNamesTheResourceAndThePluginAsItsAuthorizationServer() {
		HttpResponse<String> response = node
			.send(node.anonymous("/.well-known/oauth-protected-resource/plugins/agent-gateway/mcp").GET());
		assertThat(response.statusCode()).isEqualTo(200);
		// Issue 16: the plugin is the authorization server of its MCP endpoint, and its
		// RFC 8414 metadata exists (OAuthAuthorizationServerEndToEndTests).
		assertThat(response.body())
			.contains("\"resource\":\"http://127.0.0.1:" + node.port() + "/plugins/agent-gateway/mcp\"")
			.contains("\"bearer_methods_supported\":[\"header\"]")
			.contains("\"authorization_servers\":[\"http://127.0.0.1:" + node.port() + "/plugins/agent-gateway\"]")
			.contains("\"scopes_supported\":[\"tasker\"]")
			// Issue 12 point 13: the gateway does not bind tokens to certificates (RFC
			// 8705).
			.doesNotContain("tls_client_certificate_bound_access_tokens");
	}

	@Test
	void sessionWhenAdminBlockedThenHostPowersRefusedAndSessionEnded() {
		// Issue 12 point 3: an admin of their own, so blocking them leaves the demo
		// admin for the other tests.
		UUID id = UUID.randomUUID();
		String name = "ops-" + id.toString().substring(0, 8);
		node.context()
			.getBean(MybatisUserDirectory.class)
			.insert(new LauncherUser(id, name, "Ops Admin", name + "@launcher.local", UserStatus.ACTIVE, true),
					node.context().getBean(PasswordEncoder.class).encode(name + "-password"));
		FormSession session = new FormSession(node.port());
		assertThat(session.signIn(name, name + "-password")).isTrue();
		assertThat(session.send(session.request("/launcher/api/users").GET()).statusCode()).isEqualTo(200);
		String csrf = session.csrfToken();

		assertThat(node.post("admin", "/launcher/api/users/" + id + "/block", null).statusCode()).isEqualTo(200);

		assertThat(session.send(session.request("/launcher/api/users").GET()).statusCode()).isEqualTo(401);
		for (String action : List.of("stop", "reload")) {
			HttpResponse<String> response = session
				.send(session.request("/launcher/api/plugins/agent-gateway/" + action)
					.header("X-CSRF-TOKEN", csrf)
					.POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).as(action).isIn(401, 403);
		}
		assertThat(node.pluginHost().plugins()).anySatisfy((p) -> assertThat(p.state()).isEqualTo("STARTED"));
		String email = name + "-member@launcher.local";
		HttpResponse<String> membership = session.send(session.request("/launcher/api/tasker-memberships")
			.header("X-CSRF-TOKEN", csrf)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"workspace\":\"demo\",\"projectId\":\"" + UUID.randomUUID()
					+ "\",\"email\":\"" + email + "\",\"active\":true}")));
		assertThat(membership.statusCode()).isIn(401, 403);
		assertThat(cluster.jdbc()
			.queryForObject("SELECT count(*) FROM launcher_tasker_membership WHERE email = ?", Integer.class, email))
			.isZero();

		// The session is over, not merely refused while the user is blocked.
		assertThat(node.post("admin", "/launcher/api/users/" + id + "/reactivate", null).statusCode()).isEqualTo(200);
		assertThat(session.send(session.request("/launcher/api/users").GET()).statusCode()).isEqualTo(401);
	}

	@Test
	void sessionPostWhenAuthorizationHeaderAuthenticatesNothingThenCsrfStillRequired() {
		// Issue 12 point 10: a header that signs nobody in must not switch CSRF off for
		// the session cookie that does.
		FormSession alice = new FormSession(node.port());
		assertThat(alice.signIn("alice", "alice-demo")).isTrue();
		for (String header : List.of("Foo bar", "Digest username=\"alice\"")) {
			String name = "csrf-probe-" + UUID.randomUUID().toString().substring(0, 8);
			HttpResponse<String> response = alice.send(alice.request("/plugins/agent-gateway/api/v1/agents")
				.header("Authorization", header)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}")));
			assertThat(response.statusCode()).as(header).isEqualTo(403);
			assertThat(node.get("alice", "/plugins/agent-gateway/api/v1/agents").body()).doesNotContain(name);
		}
		// With the session's own CSRF token the same request is fine.
		HttpResponse<String> withToken = alice.send(alice.request("/plugins/agent-gateway/api/v1/agents")
			.header("X-CSRF-TOKEN", alice.csrfToken())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"csrf-probe-with-token\"}")));
		assertThat(withToken.statusCode()).isEqualTo(201);
	}

	@Test
	void restPostWhenJwtAuthenticatesThenNoCsrfTokenNeeded() {
		HttpResponse<String> response = node.send(node.anonymous("/plugins/agent-gateway/api/v1/agents")
			.header("Authorization", "Bearer " + jwt("bob"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"jwt-created\"}")));
		assertThat(response.statusCode()).isEqualTo(201);
	}

	private static String jwt(String user) {
		HttpResponse<String> response = node.post(user, "/launcher/api/token", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return LauncherNode.json(response).get("access_token").asString();
	}

}
