package com.launcher.e2e.foundation;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The host's web contract, through PF4J and real HTTP, with a probe plugin built on the
 * spot: public routes, well-known documents, protected resource metadata naming the
 * plugin as authorization server, the external base URL, and every presented bearer
 * credential reaching the plugin's introspector exactly once.
 */
class HostContractEndToEndTests {

	private static final String BASE = "/plugins/probe";

	@TempDir
	static Path work;

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static LauncherNode behindProxy;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(0);
		Path probe = ProbePlugin.zip(work);
		node = cluster.addNode(List.of(probe));
		behindProxy = cluster.addNode(List.of(probe), Map.of("launcher.security.trusted-proxies", "127.0.0.1"));
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void publicRouteWhenAnonymousPostWithoutCsrfTokenThenPluginServesIt() {
		HttpResponse<String> response = node
			.send(node.anonymous(BASE + "/hook").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(LauncherNode.json(response).get("user").asString()).isEqualTo("none");
	}

	@Test
	void publicRouteWhenAuthorizationHeaderThenHostIgnoresItAndPluginReadsIt() {
		HttpResponse<String> bearer = node.send(node.anonymous(BASE + "/hook")
			.header("Authorization", "Bearer not-a-jwt")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(bearer.statusCode()).isEqualTo(200);
		assertThat(LauncherNode.json(bearer).get("authorization").asString()).isEqualTo("Bearer not-a-jwt");
		assertThat(LauncherNode.json(bearer).get("bearer").asBoolean()).isFalse();
		// Demo users' Basic credentials do not sign anyone in on a public route.
		HttpResponse<String> basic = node
			.send(node.as("alice", BASE + "/hook").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(basic.statusCode()).isEqualTo(200);
		assertThat(LauncherNode.json(basic).get("user").asString()).isEqualTo("none");
		assertThat(seen()).isEmpty();
	}

	@Test
	void pluginRouteWhenNotPublicThenStillNeedsLogin() {
		HttpResponse<String> anonymous = node
			.send(node.anonymous(BASE + "/private").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(anonymous.statusCode()).isIn(302, 401, 403);
		HttpResponse<String> signedIn = node.post("alice", BASE + "/private", null);
		assertThat(signedIn.statusCode()).isEqualTo(200);
		assertThat(LauncherNode.json(signedIn).get("user").asString()).isEqualTo("alice");
	}

	@Test
	void wellKnownWhenProviderAnswersThenJsonReadableCrossOriginWithTheRequestsBaseUrl() {
		HttpResponse<String> response = node
			.send(node.anonymous("/.well-known/oauth-authorization-server/plugins/probe").GET());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		assertThat(response.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=300"));
		JsonNode body = LauncherNode.json(response);
		assertThat(body.get("issuer").asString()).isEqualTo("http://127.0.0.1:" + node.port() + "/plugins/probe");
		assertThat(body.get("token_endpoint").asString())
			.isEqualTo("http://127.0.0.1:" + node.port() + "/plugins/probe/oauth/token");
	}

	@Test
	void wellKnownWhenCrossOriginWithCustomHeaderThenPreflightAndRequestAllowed() {
		HttpResponse<String> preflight = node
			.send(node.anonymous("/.well-known/oauth-authorization-server/plugins/probe")
				.header("Origin", "https://inspector.example")
				.header("Access-Control-Request-Method", "GET")
				.header("Access-Control-Request-Headers", "mcp-protocol-version")
				.method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		HttpResponse<String> actual = node.send(node.anonymous("/.well-known/oauth-authorization-server/plugins/probe")
			.header("Origin", "https://inspector.example")
			.header("MCP-Protocol-Version", "2025-06-18")
			.GET());
		assertThat(actual.statusCode()).isEqualTo(200);
		assertThat(actual.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
	}

	@Test
	void wellKnownWhenProviderHasNothingOrNoProviderThenNotFound() {
		assertThat(node.send(node.anonymous("/.well-known/openid-configuration/plugins/probe").GET()).statusCode())
			.isEqualTo(404);
		assertThat(
				node.send(node.anonymous("/.well-known/oauth-authorization-server/plugins/nobody").GET()).statusCode())
			.isEqualTo(404);
		assertThat(node.send(node.anonymous("/.well-known/unknown-name/plugins/probe").GET()).statusCode())
			.isEqualTo(404);
		// The OpenID Connect form that appends to the issuer's path is a public route of
		// the plugin itself.
		HttpResponse<String> appended = node.send(node.anonymous(BASE + "/.well-known/openid-configuration").GET());
		assertThat(appended.statusCode()).isEqualTo(200);
		assertThat(LauncherNode.json(appended).get("issuer").asString())
			.isEqualTo("http://127.0.0.1:" + node.port() + "/plugins/probe");
	}

	@Test
	void wellKnownWhenBearerHeaderThenServedWithoutAuthentication() {
		HttpResponse<String> response = node
			.send(node.anonymous("/.well-known/oauth-authorization-server/plugins/probe")
				.header("Authorization", "Bearer stale-token")
				.GET());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void protectedResourceMetadataWhenPluginIsAuthorizationServerThenNamesItAndItsScopesOnly() {
		HttpResponse<String> response = node
			.send(node.anonymous("/.well-known/oauth-protected-resource/plugins/probe/api-probe").GET());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
		JsonNode body = LauncherNode.json(response);
		String base = "http://127.0.0.1:" + node.port();
		assertThat(body.get("resource").asString()).isEqualTo(base + "/plugins/probe/api-probe");
		assertThat(body.get("authorization_servers").toString()).isEqualTo("[\"" + base + "/plugins/probe\"]");
		assertThat(body.get("scopes_supported").toString()).isEqualTo("[\"probe.read\",\"probe.write\"]");
		assertThat(body.get("bearer_methods_supported").toString()).isEqualTo("[\"header\"]");
		assertThat(body.has("tls_client_certificate_bound_access_tokens")).isFalse();
	}

	@Test
	void protectedResourceMetadataWhenPathIsNoResourceThenNotFound() {
		for (String path : List.of("/.well-known/oauth-protected-resource",
				"/.well-known/oauth-protected-resource/launcher/api/users",
				"/.well-known/oauth-protected-resource/plugins/probe/hook")) {
			HttpResponse<String> response = node.send(node.anonymous(path).GET());
			assertThat(response.statusCode()).as(path).isEqualTo(404);
			assertThat(response.body()).as(path).doesNotContain("tls_client_certificate_bound_access_tokens");
		}
	}

	@Test
	void challengeWhenTokenRefusedThenPointsAtMetadataOfTheResource() {
		HttpResponse<String> response = node.send(node.anonymous(BASE + "/api-probe")
			.header("Authorization", "Bearer wrong")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).contains("error=\"invalid_token\"")
				.contains("resource_metadata=\"http://127.0.0.1:" + node.port()
						+ "/.well-known/oauth-protected-resource/plugins/probe/api-probe\""));
		seen();
	}

	@Test
	void baseUrlWhenForwardedHeadersFromUntrustedPeerThenIgnored() {
		HttpResponse<String> response = node.send(node.anonymous(BASE + "/base-url")
			.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "evil.example")
			.GET());
		assertThat(LauncherNode.json(response).get("baseUrl").asString()).isEqualTo("http://127.0.0.1:" + node.port());
	}

	@Test
	void baseUrlWhenForwardedHeadersFromTrustedProxyThenUsedEverywhere() {
		HttpResponse<String> base = behindProxy.send(forwarded(behindProxy.anonymous(BASE + "/base-url")).GET());
		assertThat(LauncherNode.json(base).get("baseUrl").asString()).isEqualTo("https://launcher.example/tools");
		HttpResponse<String> issuer = behindProxy
			.send(forwarded(behindProxy.anonymous("/.well-known/oauth-authorization-server/plugins/probe")).GET());
		assertThat(LauncherNode.json(issuer).get("issuer").asString())
			.isEqualTo("https://launcher.example/tools/plugins/probe");
		HttpResponse<String> metadata = behindProxy
			.send(forwarded(behindProxy.anonymous("/.well-known/oauth-protected-resource/plugins/probe/api-probe"))
				.GET());
		assertThat(LauncherNode.json(metadata).get("resource").asString())
			.isEqualTo("https://launcher.example/tools/plugins/probe/api-probe");
		// A forwarded host that is not a host name is ignored, not echoed.
		HttpResponse<String> bad = behindProxy.send(
				behindProxy.anonymous(BASE + "/base-url").header("X-Forwarded-Host", "evil.example/\"><script>").GET());
		assertThat(LauncherNode.json(bad).get("baseUrl").asString())
			.isEqualTo("http://127.0.0.1:" + behindProxy.port());
	}

	@Test
	void bearerWhenWellFormedThenIntrospectedOnceAndServed() {
		seen();
		HttpResponse<String> response = node.send(node.anonymous(BASE + "/api-probe")
			.header("Authorization", "Bearer " + ProbePlugin.GOOD_TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(LauncherNode.json(response).get("principal").asString()).isEqualTo("probe-principal");
		assertThat(seen()).containsExactly("[" + ProbePlugin.GOOD_TOKEN + "]");
	}

	@Test
	void bearerWhenMalformedForSpringThenStillIntrospectedOnceAsPresented() {
		seen();
		Map<String, String> presented = Map.of("Bearer a!b", "[a!b]", "Bearer", "[]", "bearer lower-case",
				"[lower-case]", "BEARER  " + ProbePlugin.GOOD_TOKEN, "[" + ProbePlugin.GOOD_TOKEN + "]");
		for (Map.Entry<String, String> header : presented.entrySet()) {
			HttpResponse<String> response = node.send(node.anonymous(BASE + "/api-probe")
				.header("Authorization", header.getKey())
				.POST(HttpRequest.BodyPublishers.noBody()));
			boolean good = header.getValue().contains(ProbePlugin.GOOD_TOKEN);
			assertThat(response.statusCode()).as(header.getKey()).isEqualTo(good ? 200 : 401);
			assertThat(seen()).as(header.getKey()).containsExactly(header.getValue());
		}
		// Another scheme presents no bearer credential: nothing to introspect.
		HttpResponse<String> basic = node.send(node.anonymous(BASE + "/api-probe")
			.header("Authorization", "Basic YTpi")
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(basic.statusCode()).isEqualTo(401);
		assertThat(seen()).isEmpty();
	}

	@Test
	void bearerWhenFirewallRejectsRequestThenIntrospectedOnceMarkedRejectedAnd400() {
		seen();
		String good = "Authorization: Bearer " + ProbePlugin.GOOD_TOKEN + "\r\n";
		assertThat(raw("POST " + BASE + "/api-probe;jsessionid=x HTTP/1.1\r\n" + good)).isEqualTo(400);
		assertThat(seen()).containsExactly("[" + ProbePlugin.GOOD_TOKEN + "] request_rejected");
		assertThat(raw("POST " + BASE + "//api-probe HTTP/1.1\r\n" + good)).isEqualTo(400);
		assertThat(seen()).containsExactly("[" + ProbePlugin.GOOD_TOKEN + "] request_rejected");
		assertThat(raw("PROPFIND " + BASE + "/api-probe HTTP/1.1\r\n" + good)).isEqualTo(400);
		assertThat(seen()).containsExactly("[" + ProbePlugin.GOOD_TOKEN + "] request_rejected");
		// A header value Spring refuses to read (a C1 control character) is itself the
		// credential.
		assertThat(raw("POST " + BASE + "/api-probe HTTP/1.1\r\nAuthorization: Bearer x\u0085y\r\n")).isEqualTo(400);
		assertThat(seen()).containsExactly("[x\u0085y] request_rejected");
		// No bearer credential: nothing to introspect.
		assertThat(raw("POST " + BASE + "/api-probe;jsessionid=x HTTP/1.1\r\n")).isEqualTo(400);
		assertThat(seen()).isEmpty();
	}

	@Test
	void registrationsWhenPluginStopsThenClosedAndBackOnStart() {
		try {
			assertThat(node.post("admin", "/launcher/api/plugins/probe/stop", null).statusCode()).isEqualTo(200);
			HttpResponse<String> hook = node
				.send(node.anonymous(BASE + "/hook").POST(HttpRequest.BodyPublishers.noBody()));
			assertThat(hook.statusCode()).isIn(302, 401, 403);
			assertThat(node.send(node.anonymous("/.well-known/oauth-authorization-server/plugins/probe").GET())
				.statusCode()).isEqualTo(404);
			assertThat(node.send(node.anonymous("/.well-known/oauth-protected-resource/plugins/probe/api-probe").GET())
				.statusCode()).isEqualTo(404);
		}
		finally {
			assertThat(node.post("admin", "/launcher/api/plugins/probe/start", null).statusCode()).isEqualTo(200);
		}
		assertThat(node.send(node.anonymous(BASE + "/hook").POST(HttpRequest.BodyPublishers.noBody())).statusCode())
			.isEqualTo(200);
	}

	private static HttpRequest.Builder forwarded(HttpRequest.Builder request) {
		return request.header("X-Forwarded-Proto", "https")
			.header("X-Forwarded-Host", "launcher.example")
			.header("X-Forwarded-Prefix", "/tools");
	}

	/** What the probe's introspector was asked since the last call (then forgotten). */
	private static List<String> seen() {
		HttpResponse<String> response = node.send(node.anonymous(BASE + "/seen").GET());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> seen = new ArrayList<>();
		LauncherNode.json(response).forEach((entry) -> seen.add(entry.asString()));
		return seen;
	}

	private static int raw(String requestHead) {
		return RawHttp.status(node.port(), requestHead);
	}

}
