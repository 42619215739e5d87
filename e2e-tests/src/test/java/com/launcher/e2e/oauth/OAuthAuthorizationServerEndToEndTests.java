package com.launcher.e2e.oauth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.AuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.TokenRevocationRequest;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server for agents (issue 16) on the built zip, driven by the Nimbus
 * OAuth SDK as the client and by a signed-in person for the consent: discovery, both ways
 * of registering, the code flow with PKCE, refresh rotation and reuse detection, and
 * every refusal of the issue, each with nothing issued and one audit event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OAuthAuthorizationServerEndToEndTests {

	private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

	private static final String WHOAMI = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
			+ "\"params\":{\"name\":\"whoami\",\"arguments\":{}}}";

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static LoopbackServer client;

	private static AuthorizationServerMetadata metadata;

	private static URI redirectUri;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1,
				SandboxOptions.forTests().withRateLimit(1_000_000, java.time.Duration.ofMinutes(1)),
				Map.of("agent-gateway.oauth.metadata-documents.allow-loopback", true,
						"agent-gateway.oauth.metadata-documents.timeout", "2s",
						"agent-gateway.oauth.registrations-per-source-per-day", 40));
		node = cluster.node();
		client = LoopbackServer.start();
		metadata = OAuthClients.discover(node);
		redirectUri = client.url("/callback");
	}

	@AfterAll
	static void stop() {
		client.close();
		cluster.close();
	}

	@Test
	@Order(1)
	void discoveryWhenClientFollowsTheMcpChallengeThenBothMetadataDocumentsDescribeTheServer() {
		HttpResponse<String> challenge = node.mcp(null, PING);
		assertThat(challenge.statusCode()).isEqualTo(401);
		JsonNode resource = LauncherNode
			.json(node.send(node.anonymous("/.well-known/oauth-protected-resource/plugins/agent-gateway/mcp")));
		String issuer = "http://127.0.0.1:" + node.port() + "/plugins/agent-gateway";
		assertThat(resource.get("resource").asString()).isEqualTo(issuer + "/mcp");
		assertThat(resource.get("authorization_servers").get(0).asString()).isEqualTo(issuer);
		assertThat(resource.get("scopes_supported").get(0).asString()).isEqualTo("tasker");

		assertThat(metadata.getIssuer().getValue()).isEqualTo(issuer);
		assertThat(metadata.getAuthorizationEndpointURI()).hasToString(issuer + "/oauth/authorize");
		assertThat(metadata.getTokenEndpointURI()).hasToString(issuer + "/oauth/token");
		assertThat(metadata.getRegistrationEndpointURI()).hasToString(issuer + "/oauth/register");
		assertThat(metadata.getRevocationEndpointURI()).hasToString(issuer + "/oauth/revoke");
		assertThat(metadata.getResponseTypes()).containsExactly(ResponseType.CODE);
		assertThat(metadata.getGrantTypes()).containsExactly(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
		assertThat(metadata.getCodeChallengeMethods()).containsExactly(CodeChallengeMethod.S256);
		assertThat(metadata.getTokenEndpointAuthMethods()).containsExactly(ClientAuthenticationMethod.NONE);
		assertThat(metadata.getScopes().toStringList()).containsExactly("tasker");
		assertThat(metadata.supportsAuthorizationResponseIssuerParam()).isTrue();
		assertThat(metadata.getCustomParameter("client_id_metadata_document_supported")).isEqualTo(true);
	}

	@Test
	@Order(2)
	void registrationWhenDynamicThenPublicClientWithOneAuditEvent() {
		OAuthClients.Registered registered = OAuthClients.register(metadata, "Registered by Nimbus", redirectUri);
		assertThat(registered.response().getStatusCode()).isEqualTo(201);
		assertThat(registered.information().getMetadata().getTokenEndpointAuthMethod())
			.isEqualTo(ClientAuthenticationMethod.NONE);
		assertThat(registered.information().getSecret()).isNull();
		assertThat(cluster.jdbc()
			.queryForObject("SELECT client_name FROM agw_oauth_client WHERE client_id = ?", String.class,
					registered.clientId()))
			.isEqualTo("Registered by Nimbus");
		assertThat(OAuthClients.audit(cluster, registered.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("action", "oauth.register")
				.containsEntry("outcome", "SUCCEEDED")
				.containsEntry("target_id", registered.clientId()));
	}

	@Test
	@Order(3)
	void codeFlowWhenPersonApprovesThenTokensActAsTheChosenAgentAndTheAgentPageNamesTheClient() {
		Flow flow = Flow.approved("alice", "oauth-flow", Map.of(web("alice"), "WRITE"));
		assertThat(flow.answer.accessToken()).matches("agw_[0-9A-Za-z]{38}");
		assertThat(flow.answer.refreshToken()).matches("agwr_[0-9A-Za-z]{38}");
		assertThat(flow.answer.parsed().toSuccessResponse().getTokens().getAccessToken().getLifetime())
			.isBetween(3_500L, 3_600L);
		assertThat(flow.answer.response().getHeaderValue("Cache-Control")).contains("no-store");

		HttpResponse<String> whoami = node.mcp(flow.answer.accessToken(), WHOAMI);
		assertThat(whoami.statusCode()).isEqualTo(200);
		assertThat(whoami.body()).contains("oauth-flow").contains("WEB");
		UUID agent = OAuthClients.agentNamed(cluster, LauncherNode.ALICE_ID, "oauth-flow");
		assertThat(OAuthClients.audit(cluster, flow.answer.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("action", "oauth.token")
				.containsEntry("outcome", "SUCCEEDED")
				.containsEntry("agent_id", agent)
				.containsEntry("owner_user_id", LauncherNode.ALICE_ID));

		HttpResponse<String> page = node.get("alice", "/plugins/agent-gateway/agents/" + agent);
		assertThat(page.body()).contains("Connected programs").contains("Nimbus alice oauth-flow");
		assertThat(page.body()).doesNotContain(flow.answer.accessToken()).doesNotContain(flow.answer.refreshToken());
	}

	@Test
	@Order(4)
	void refreshWhenUsedThenRotatesAndReusingTheOldOneRevokesTheWholeFamily() {
		Flow flow = Flow.approved("alice", "oauth-refresh", Map.of(web("alice"), "READ"));
		OAuthClients.Answer second = OAuthClients.refresh(metadata, flow.clientId, flow.answer.refreshToken(),
				OAuthClients.resource(node));
		assertThat(second.error()).isNull();
		assertThat(second.refreshToken()).isNotEqualTo(flow.answer.refreshToken());
		assertThat(second.accessToken()).isNotEqualTo(flow.answer.accessToken());
		assertThat(node.mcp(second.accessToken(), PING).statusCode()).isEqualTo(200);

		long before = OAuthClients.issuedRows(cluster);
		OAuthClients.Answer reuse = OAuthClients.refresh(metadata, flow.clientId, flow.answer.refreshToken(),
				OAuthClients.resource(node));
		assertThat(reuse.error()).isEqualTo("invalid_grant");
		assertThat(reuse.response().getStatusCode()).isEqualTo(400);
		assertThat(OAuthClients.issuedRows(cluster)).as("nothing issued").isEqualTo(before);
		assertThat(OAuthClients.audit(cluster, reuse.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "refresh_token_reuse")
				.containsEntry("outcome", "DENIED"));
		// The whole family is gone: the newest pair too.
		assertThat(node.mcp(second.accessToken(), PING).statusCode()).isEqualTo(401);
		assertThat(OAuthClients.refresh(metadata, flow.clientId, second.refreshToken(), OAuthClients.resource(node))
			.error()).isEqualTo("invalid_grant");
	}

	@Test
	@Order(5)
	void authorizeWhenResourceIsNotTheMcpEndpointThenRedirectedInvalidTargetWithIssuer() {
		OAuthClients.Registered registered = OAuthClients.register(metadata, "Wrong resource", redirectUri);
		URI url = OAuthClients.authorizationUrl(metadata, registered.clientId(), redirectUri, new CodeVerifier(),
				URI.create("https://elsewhere.example/mcp"), new State("s-1"));
		AuthorizationErrorResponse error = redirectedError(PersonSession.signIn(node, "alice").get(url));
		assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_target");
		assertThat(error.getState().getValue()).isEqualTo("s-1");
		assertThat(error.getIssuer().getValue()).isEqualTo(metadata.getIssuer().getValue());
	}

	@Test
	@Order(6)
	void tokenWhenResourceDiffersFromTheCodesThenInvalidTargetAndNothingIssued() {
		Pending pending = Pending.approved("alice", "oauth-resource", Map.of());
		long before = OAuthClients.issuedRows(cluster);
		OAuthClients.Answer answer = OAuthClients.exchange(metadata, pending.clientId, pending.code, redirectUri,
				pending.verifier, URI.create("https://elsewhere.example/mcp"));
		assertThat(answer.error()).isEqualTo("invalid_target");
		assertThat(OAuthClients.issuedRows(cluster)).isEqualTo(before);
		assertThat(OAuthClients.audit(cluster, answer.response())).hasSize(1);
	}

	@Test
	@Order(7)
	void authorizeWhenRedirectUriIsNotRegisteredThenShownToThePersonAndNeverRedirected() {
		OAuthClients.Registered registered = OAuthClients.register(metadata, "Wrong redirect", redirectUri);
		URI url = OAuthClients.authorizationUrl(metadata, registered.clientId(),
				URI.create("https://attacker.example/callback"), new CodeVerifier(), OAuthClients.resource(node),
				new State("s-2"));
		HttpResponse<String> page = PersonSession.signIn(node, "alice").get(url);
		assertThat(page.statusCode()).isEqualTo(400);
		assertThat(page.headers().firstValue("Location")).isEmpty();
		assertThat(page.body()).contains("redirect_uri").doesNotContain("attacker.example/callback?");
		assertThat(lastAudit("oauth.authorize")).containsEntry("reason", "redirect_uri_mismatch");
	}

	@Test
	@Order(8)
	void tokenWhenRedirectUriDiffersFromTheCodesThenInvalidGrant() {
		Pending pending = Pending.approved("alice", "oauth-redirect", Map.of());
		OAuthClients.Answer answer = OAuthClients.exchange(metadata, pending.clientId, pending.code,
				client.url("/other"), pending.verifier, OAuthClients.resource(node));
		assertThat(answer.error()).isEqualTo("invalid_grant");
		assertThat(OAuthClients.audit(cluster, answer.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "redirect_uri_mismatch"));
	}

	@Test
	@Order(9)
	void authorizeWhenPkceMissingOrPlainThenRedirectedInvalidRequest() {
		OAuthClients.Registered registered = OAuthClients.register(metadata, "No PKCE", redirectUri);
		PersonSession alice = PersonSession.signIn(node, "alice");
		String base = metadata.getAuthorizationEndpointURI() + "?response_type=code&client_id=" + registered.clientId()
				+ "&redirect_uri=" + enc(redirectUri.toString()) + "&state=s-3&resource="
				+ enc(OAuthClients.resource(node).toString());
		AuthorizationErrorResponse missing = redirectedError(alice.get(URI.create(base)));
		assertThat(missing.getErrorObject().getCode()).isEqualTo("invalid_request");
		AuthorizationErrorResponse plain = redirectedError(alice.get(URI
			.create(base + "&code_challenge=" + new CodeVerifier().getValue() + "&code_challenge_method=plain")));
		assertThat(plain.getErrorObject().getCode()).isEqualTo("invalid_request");
		assertThat(lastAudit("oauth.authorize")).containsEntry("reason", "pkce_s256_required");
	}

	@Test
	@Order(10)
	void tokenWhenVerifierMissingOrWrongThenInvalidGrantAndNothingIssued() {
		Pending pending = Pending.approved("alice", "oauth-pkce", Map.of());
		long before = OAuthClients.issuedRows(cluster);
		OAuthClients.Answer wrong = OAuthClients.exchange(metadata, pending.clientId, pending.code, redirectUri,
				new CodeVerifier(), OAuthClients.resource(node));
		assertThat(wrong.error()).isEqualTo("invalid_grant");
		assertThat(OAuthClients.audit(cluster, wrong.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "pkce_mismatch"));
		Pending another = Pending.approved("alice", "oauth-pkce", Map.of());
		OAuthClients.Answer missing = OAuthClients.exchange(metadata, another.clientId, another.code, redirectUri, null,
				OAuthClients.resource(node));
		assertThat(missing.error()).isEqualTo("invalid_grant");
		assertThat(OAuthClients.issuedRows(cluster)).as("only the second code").isEqualTo(before + 1);
	}

	@Test
	@Order(11)
	void tokenWhenCodeReplayedThenRefusedAndWhatTheCodeIssuedIsRevoked() {
		Flow flow = Flow.approved("alice", "oauth-replay", Map.of());
		assertThat(node.mcp(flow.answer.accessToken(), PING).statusCode()).isEqualTo(200);
		OAuthClients.Answer replay = OAuthClients.exchange(metadata, flow.clientId, flow.code, redirectUri,
				flow.verifier, OAuthClients.resource(node));
		assertThat(replay.error()).isEqualTo("invalid_grant");
		assertThat(OAuthClients.audit(cluster, replay.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "code_replayed"));
		// RFC 6749 §4.1.2: the tokens issued from the code are revoked.
		assertThat(node.mcp(flow.answer.accessToken(), PING).statusCode()).isEqualTo(401);
		assertThat(
				OAuthClients.refresh(metadata, flow.clientId, flow.answer.refreshToken(), OAuthClients.resource(node))
					.error())
			.isEqualTo("invalid_grant");
	}

	@Test
	@Order(12)
	void tokenWhenCodeExpiredThenInvalidGrantAndNothingIssued() {
		Pending pending = Pending.approved("alice", "oauth-expired", Map.of());
		cluster.jdbc().update("UPDATE agw_oauth_code SET expires_at = now() - interval '1 second'");
		long before = OAuthClients.issuedRows(cluster);
		OAuthClients.Answer answer = OAuthClients.exchange(metadata, pending.clientId, pending.code, redirectUri,
				pending.verifier, OAuthClients.resource(node));
		assertThat(answer.error()).isEqualTo("invalid_grant");
		assertThat(OAuthClients.issuedRows(cluster)).isEqualTo(before);
		assertThat(OAuthClients.audit(cluster, answer.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "code_expired"));
	}

	@Test
	@Order(13)
	void tokenWhenAnotherClientPresentsTheCodeOrRefreshTokenThenInvalidGrant() {
		Pending pending = Pending.approved("alice", "oauth-foreign", Map.of());
		OAuthClients.Registered other = OAuthClients.register(metadata, "Another client", redirectUri);
		long before = OAuthClients.issuedRows(cluster);
		OAuthClients.Answer stolenCode = OAuthClients.exchange(metadata, other.clientId(), pending.code, redirectUri,
				pending.verifier, OAuthClients.resource(node));
		assertThat(stolenCode.error()).isEqualTo("invalid_grant");
		assertThat(OAuthClients.issuedRows(cluster)).isEqualTo(before);
		assertThat(OAuthClients.audit(cluster, stolenCode.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "code_client_mismatch"));

		Flow flow = Flow.approved("alice", "oauth-foreign", Map.of());
		OAuthClients.Answer stolenRefresh = OAuthClients.refresh(metadata, other.clientId(), flow.answer.refreshToken(),
				OAuthClients.resource(node));
		assertThat(stolenRefresh.error()).isEqualTo("invalid_grant");
		OAuthClients.Answer unknownClient = OAuthClients.refresh(metadata, "no-such-client", flow.answer.refreshToken(),
				OAuthClients.resource(node));
		assertThat(unknownClient.error()).isEqualTo("invalid_client");
		assertThat(unknownClient.response().getStatusCode()).isEqualTo(401);
	}

	@Test
	@Order(14)
	void authorizeWhenScopeUnknownThenRedirectedInvalidScope() {
		OAuthClients.Registered registered = OAuthClients.register(metadata, "Greedy", redirectUri);
		URI url = URI.create(OAuthClients
			.authorizationUrl(metadata, registered.clientId(), redirectUri, new CodeVerifier(),
					OAuthClients.resource(node), new State("s-4"))
			.toString()
			.replace("scope=tasker", "scope=tasker+admin"));
		AuthorizationErrorResponse error = redirectedError(PersonSession.signIn(node, "alice").get(url));
		assertThat(error.getErrorObject().getCode()).isEqualTo("invalid_scope");
	}

	@Test
	@Order(15)
	void consentWhenDeniedThenAccessDeniedRedirectAndNoCode() {
		OAuthClients.Registered registered = OAuthClients.register(metadata, "Denied", redirectUri);
		long codes = count("agw_oauth_code");
		HttpResponse<String> answer = PersonSession.signIn(node, "alice")
			.consent(OAuthClients.authorizationUrl(metadata, registered.clientId(), redirectUri, new CodeVerifier(),
					OAuthClients.resource(node), new State("s-5")), false, null, "never", Map.of());
		AuthorizationErrorResponse error = redirectedError(answer);
		assertThat(error.getErrorObject().getCode()).isEqualTo("access_denied");
		assertThat(count("agw_oauth_code")).isEqualTo(codes);
	}

	@Test
	@Order(16)
	void consentWhenPostedWithoutTheCsrfTokenThenRefusedAndNoCode() {
		OAuthClients.Registered registered = OAuthClients.register(metadata, "Cross-site", redirectUri);
		PersonSession alice = PersonSession.signIn(node, "alice");
		HttpResponse<String> page = alice.get(OAuthClients.authorizationUrl(metadata, registered.clientId(),
				redirectUri, new CodeVerifier(), OAuthClients.resource(node), new State("s-6")));
		long codes = count("agw_oauth_code");
		HttpResponse<String> forged = alice.answer(page.body(), true, null, "forged", Map.of(), false);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(count("agw_oauth_code")).isEqualTo(codes);
	}

	@Test
	@Order(17)
	void consentWhenAdminPicksSomeoneElsesAgentThenRefusedAndNothingIssued() {
		UUID alices = OAuthClients.agentNamed(cluster, LauncherNode.ALICE_ID, "oauth-flow");
		OAuthClients.Registered registered = OAuthClients.register(metadata, "Admin's client", redirectUri);
		PersonSession admin = PersonSession.signIn(node, "admin");
		URI url = OAuthClients.authorizationUrl(metadata, registered.clientId(), redirectUri, new CodeVerifier(),
				OAuthClients.resource(node), new State("s-7"));
		HttpResponse<String> page = admin.get(url);
		assertThat(page.body()).as("only the admin's own agents are offered").doesNotContain(alices.toString());
		long codes = count("agw_oauth_code");
		HttpResponse<String> answer = admin.answer(page.body(), true, alices.toString(), null, Map.of(), true);
		assertThat(answer.statusCode()).isEqualTo(422);
		assertThat(answer.headers().firstValue("Location")).isEmpty();
		assertThat(count("agw_oauth_code")).isEqualTo(codes);
	}

	@Test
	@Order(18)
	void metadataDocumentWhenServedOnLoopbackThenClientIdIsTheUrlAndTheDocumentIsCached() {
		URI documentUrl = client.url("/clients/good.json");
		client.serve("/clients/good.json", 200, "application/json",
				"{\"client_id\":\"" + documentUrl + "\",\"client_name\":\"Document client\",\"redirect_uris\":[\""
						+ redirectUri + "\"],\"token_endpoint_auth_method\":\"none\","
						+ "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"response_types\":[\"code\"]}",
				Map.of(), 0);
		Flow flow = Flow.approvedAs("alice", documentUrl.toString(), "oauth-cimd", Map.of());
		assertThat(flow.answer.error()).isNull();
		assertThat(node.mcp(flow.answer.accessToken(), WHOAMI).body()).contains("oauth-cimd");
		Pending again = Pending.approvedAs("alice", documentUrl.toString(), "oauth-cimd", Map.of());
		assertThat(again.code).isNotBlank();
		assertThat(client.hits("/clients/good.json")).as("fetched once, then cached").isEqualTo(1);
		assertThat(cluster.jdbc()
			.queryForObject("SELECT kind FROM agw_oauth_client WHERE client_id = ?", String.class,
					documentUrl.toString()))
			.isEqualTo("METADATA_DOCUMENT");
	}

	@Test
	@Order(19)
	void metadataDocumentWhenSlowRedirectingOversizedForeignOrInternalThenShownAndNothingStored() {
		client.serve("/clients/slow.json", 200, "application/json", "{}", Map.of(), 4_000);
		client.serve("/clients/moved.json", 302, "text/plain", "", Map.of("Location", List.of("/clients/good.json")),
				0);
		client.serve("/clients/huge.json", 200, "application/json", "{\"x\":\"" + "a".repeat(100_000) + "\"}", Map.of(),
				0);
		client.serve("/clients/html.json", 200, "text/html", "<html></html>", Map.of(), 0);
		client.serve("/clients/impostor.json", 200, "application/json",
				"{\"client_id\":\"https://someone.example/client.json\",\"redirect_uris\":[\"" + redirectUri + "\"]}",
				Map.of(), 0);
		Map<String, String> cases = Map.of(client.url("/clients/slow.json").toString(), "metadata_unreachable",
				client.url("/clients/moved.json").toString(), "metadata_status",
				client.url("/clients/huge.json").toString(), "metadata_too_large",
				client.url("/clients/html.json").toString(), "metadata_not_json",
				client.url("/clients/impostor.json").toString(), "metadata_client_id_mismatch",
				// HTTPS to a loopback name: internal after resolution. Nothing is sent.
				"https://localhost:" + client.port() + "/clients/good.json", "metadata_address_not_public");
		PersonSession alice = PersonSession.signIn(node, "alice");
		cases.forEach((clientId, reason) -> {
			long clients = count("agw_oauth_client");
			URI url = OAuthClients.authorizationUrl(metadata, clientId, redirectUri, new CodeVerifier(),
					OAuthClients.resource(node), new State("s-8"));
			HttpResponse<String> page = alice.get(url);
			assertThat(page.statusCode()).as(reason).isEqualTo(400);
			assertThat(page.headers().firstValue("Location")).as(reason).isEmpty();
			assertThat(page.body()).as(reason).contains("invalid_client");
			assertThat(count("agw_oauth_client")).as(reason).isEqualTo(clients);
			String requestId = page.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(cluster.jdbc()
				.queryForList("SELECT reason FROM agw_audit_event WHERE request_id = ?", String.class, requestId))
				.as(reason)
				.containsExactly(reason);
		});
	}

	@Test
	@Order(20)
	void registrationWhenMalformedOversizedOrUnacceptableThenRfc7591ErrorsAndNothingStored() {
		Map<String, String> cases = new java.util.LinkedHashMap<>();
		cases.put("{\"redirect_uris\":", "invalid_client_metadata");
		cases.put("{\"redirect_uris\":[\"http://example.com/callback\"]}", "invalid_redirect_uri");
		cases.put("{\"redirect_uris\":[\"" + redirectUri + "#frag\"]}", "invalid_redirect_uri");
		cases.put("{\"redirect_uris\":[\"" + redirectUri + "\"],\"scope\":\"tasker admin\"}",
				"invalid_client_metadata");
		cases.put(
				"{\"redirect_uris\":[\"" + redirectUri + "\"],\"token_endpoint_auth_method\":\"client_secret_basic\"}",
				"invalid_client_metadata");
		cases.put("{\"redirect_uris\":[\"" + redirectUri + "\"],\"grant_types\":[\"client_credentials\"]}",
				"invalid_client_metadata");
		cases.put("{\"client_name\":\"" + "x".repeat(20_000) + "\",\"redirect_uris\":[\"" + redirectUri + "\"]}",
				"invalid_request");
		cases.forEach((body, error) -> {
			long clients = count("agw_oauth_client");
			HttpResponse<String> response = node.send(node.anonymous("/plugins/agent-gateway/oauth/register")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			assertThat(response.statusCode()).as(error).isEqualTo(400);
			assertThat(LauncherNode.json(response).get("error").asString())
				.as(body.substring(0, Math.min(20, body.length())))
				.isEqualTo(error);
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("com.nimbusds");
			assertThat(count("agw_oauth_client")).isEqualTo(clients);
			assertThat(auditOf(response)).hasSize(1);
		});
	}

	@Test
	@Order(21)
	void tokenEndpointWhenMalformedOrUnsupportedThenRfc6749ErrorsWithOneAuditEvent() {
		Map<String, String> cases = new java.util.LinkedHashMap<>();
		cases.put("grant_type=password&username=a&password=b&client_id=x", "unsupported_grant_type");
		cases.put("code=abc&client_id=x", "invalid_request");
		cases.put("grant_type=authorization_code&code=agwc_garbage&client_id=x&redirect_uri="
				+ enc(redirectUri.toString()), "invalid_client");
		cases.put("grant_type=refresh_token&refresh_token=" + "a".repeat(9_000), "invalid_request");
		cases.forEach((body, error) -> {
			HttpResponse<String> response = node.send(node.anonymous("/plugins/agent-gateway/oauth/token")
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body)));
			assertThat(LauncherNode.json(response).get("error").asString())
				.as(body.substring(0, Math.min(12, body.length())))
				.isEqualTo(error);
			assertThat(response.headers().firstValue("Cache-Control"))
				.hasValueSatisfying((c) -> assertThat(c).contains("no-store"));
			assertThat(auditOf(response)).hasSize(1);
		});
	}

	@Test
	@Order(22)
	void revocationWhenClientRevokesItsRefreshTokenThenFamilyEndsAndUnknownTokensAreNoError() {
		Flow flow = Flow.approved("alice", "oauth-revoke", Map.of());
		HTTPResponse revoked = OAuthClients.send(new TokenRevocationRequest(metadata.getRevocationEndpointURI(),
				new ClientID(flow.clientId), new RefreshToken(flow.answer.refreshToken()))
			.toHTTPRequest());
		assertThat(revoked.getStatusCode()).isEqualTo(200);
		assertThat(OAuthClients.audit(cluster, revoked)).singleElement()
			.satisfies(
					(e) -> assertThat(e).containsEntry("action", "oauth.revoke").containsEntry("outcome", "SUCCEEDED"));
		assertThat(node.mcp(flow.answer.accessToken(), PING).statusCode()).isEqualTo(401);
		HTTPResponse unknown = OAuthClients.send(new TokenRevocationRequest(metadata.getRevocationEndpointURI(),
				new ClientID(flow.clientId), new RefreshToken("agwr_unknown"))
			.toHTTPRequest());
		assertThat(unknown.getStatusCode()).isEqualTo(200);
	}

	@Test
	@Order(23)
	void agentPageWhenOwnerDisconnectsTheClientThenRefreshFailsAndTokensStop() {
		Flow flow = Flow.approved("alice", "oauth-page", Map.of());
		UUID agent = OAuthClients.agentNamed(cluster, LauncherNode.ALICE_ID, "oauth-page");
		UUID family = cluster.jdbc()
			.queryForObject("SELECT family_id FROM agw_oauth_refresh_token WHERE agent_id = ? LIMIT 1", UUID.class,
					agent);
		PersonSession alice = PersonSession.signIn(node, "alice");
		HttpResponse<String> page = alice.get(node.uri("/plugins/agent-gateway/agents/" + agent));
		String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		HttpResponse<String> disconnect = alice.post(
				node.uri("/plugins/agent-gateway/agents/" + agent + "/oauth/" + family + "/revoke"),
				Map.of("_csrf", List.of(csrf)));
		assertThat(disconnect.statusCode()).isEqualTo(302);
		assertThat(node.mcp(flow.answer.accessToken(), PING).statusCode()).isEqualTo(401);
		assertThat(
				OAuthClients.refresh(metadata, flow.clientId, flow.answer.refreshToken(), OAuthClients.resource(node))
					.error())
			.isEqualTo("invalid_grant");
	}

	@Test
	@Order(24)
	void refreshWhenAgentDisabledThenRefusedEvenAfterItIsEnabledAgain() {
		Flow flow = Flow.approved("alice", "oauth-disabled", Map.of());
		UUID agent = OAuthClients.agentNamed(cluster, LauncherNode.ALICE_ID, "oauth-disabled");
		assertThat(node.post("alice", LauncherNode.API + "/agents/" + agent + "/disable", null).statusCode())
			.isEqualTo(200);
		assertThat(node.post("alice", LauncherNode.API + "/agents/" + agent + "/enable", null).statusCode())
			.isEqualTo(200);
		OAuthClients.Answer answer = OAuthClients.refresh(metadata, flow.clientId, flow.answer.refreshToken(),
				OAuthClients.resource(node));
		assertThat(answer.error()).isEqualTo("invalid_grant");
		assertThat(OAuthClients.audit(cluster, answer.response())).singleElement()
			.satisfies((e) -> assertThat(e).containsEntry("reason", "agent_disabled"));
	}

	@Test
	@Order(25)
	void ownerBlockedAfterLoginThenNextMcpCallRefusedAndRefreshFailsEvenAfterReactivation() {
		Flow flow = Flow.approved("bob", "oauth-bob", Map.of(web("bob"), "READ"));
		assertThat(node.mcp(flow.answer.accessToken(), WHOAMI).statusCode()).isEqualTo(200);
		assertThat(node.post("admin", "/launcher/api/users/" + LauncherNode.BOB_ID + "/block", null).statusCode())
			.isEqualTo(200);
		assertThat(node.mcp(flow.answer.accessToken(), WHOAMI).statusCode()).isEqualTo(401);
		long before = OAuthClients.issuedRows(cluster);
		OAuthClients.Answer refused = OAuthClients.refresh(metadata, flow.clientId, flow.answer.refreshToken(),
				OAuthClients.resource(node));
		assertThat(refused.error()).isEqualTo("invalid_grant");
		assertThat(OAuthClients.issuedRows(cluster)).isEqualTo(before);
		assertThat(OAuthClients.audit(cluster, refused.response())).singleElement()
			.satisfies((e) -> assertThat(e)
				.containsEntry("agent_id", OAuthClients.agentNamed(cluster, LauncherNode.BOB_ID, "oauth-bob"))
				.containsEntry("owner_user_id", LauncherNode.BOB_ID));
		assertThat(node.post("admin", "/launcher/api/users/" + LauncherNode.BOB_ID + "/reactivate", null).statusCode())
			.isEqualTo(200);
		assertThat(
				OAuthClients.refresh(metadata, flow.clientId, flow.answer.refreshToken(), OAuthClients.resource(node))
					.error())
			.as("reactivation does not resume")
			.isEqualTo("invalid_grant");
	}

	@Test
	@Order(26)
	void tablesWhenDumpedThenHoldNoCodeAccessOrRefreshToken() {
		Flow flow = Flow.approved("alice", "oauth-dump", Map.of());
		String dump = cluster.jdbc()
			.queryForList("SELECT t::text FROM agw_oauth_code t UNION ALL SELECT t::text FROM agw_oauth_refresh_token t"
					+ " UNION ALL SELECT t::text FROM agw_token t UNION ALL SELECT t::text FROM agw_audit_event t",
					String.class)
			.toString();
		assertThat(dump).doesNotContain(flow.code)
			.doesNotContain(flow.answer.accessToken())
			.doesNotContain(flow.answer.refreshToken())
			.doesNotContainPattern("agw[cr]?_[0-9A-Za-z]{38}");
	}

	@Test
	@Order(99)
	void registrationWhenOneSourceRegistersTooManyTodayThenTemporarilyUnavailableWithRetryAfter() {
		HttpResponse<String> response = null;
		for (int i = 0; i < 45; i++) {
			response = node.send(node.anonymous("/plugins/agent-gateway/oauth/register")
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"redirect_uris\":[\"" + redirectUri + "\"]}")));
			if (response.statusCode() != 201) {
				break;
			}
		}
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After")).isPresent();
		assertThat(LauncherNode.json(response).get("error").asString()).isEqualTo("temporarily_unavailable");
		assertThat(cluster.jdbc().queryForObject("SELECT max(used) FROM agw_oauth_registration_quota", Integer.class))
			.isEqualTo(40);
	}

	// ---- helpers

	private static String web(String user) {
		return node.projectId(user, "WEB").toString();
	}

	private static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static long count(String table) {
		return cluster.jdbc().queryForObject("SELECT count(*) FROM " + table, Long.class);
	}

	private static List<Map<String, Object>> auditOf(HttpResponse<String> response) {
		return cluster.jdbc()
			.queryForList("SELECT action, reason FROM agw_audit_event WHERE request_id = ?",
					response.headers().firstValue("X-Request-Id").orElseThrow());
	}

	private static Map<String, Object> lastAudit(String action) {
		return cluster.jdbc()
			.queryForMap("SELECT action, outcome, reason FROM agw_audit_event WHERE action = ? ORDER BY seq DESC"
					+ " LIMIT 1", action);
	}

	private static AuthorizationErrorResponse redirectedError(HttpResponse<String> response) {
		AuthorizationResponse parsed = parseRedirect(response);
		assertThat(parsed.indicatesSuccess()).as("an error redirect").isFalse();
		return parsed.toErrorResponse();
	}

	private static AuthorizationResponse parseRedirect(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isIn(302, 303);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(redirectUri.toString());
		try {
			return AuthorizationResponse.parse(URI.create(location));
		}
		catch (com.nimbusds.oauth2.sdk.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A person approved; the code is not exchanged yet. */
	private static final class Pending {

		final String clientId;

		final CodeVerifier verifier = new CodeVerifier();

		final String code;

		private Pending(String clientId, String user, String agentName, Map<String, String> projects) {
			this.clientId = clientId;
			State state = new State();
			HttpResponse<String> answer = PersonSession.signIn(node, user)
				.consent(
						OAuthClients.authorizationUrl(metadata, clientId, redirectUri, this.verifier,
								OAuthClients.resource(node), state),
						true, existingAgent(user, agentName), agentName, projects);
			AuthorizationSuccessResponse success = parseRedirect(answer).toSuccessResponse();
			assertThat(success.getState()).isEqualTo(state);
			// RFC 9207: the issuer is in the response.
			assertThat(success.getIssuer().getValue()).isEqualTo(metadata.getIssuer().getValue());
			this.code = success.getAuthorizationCode().getValue();
		}

		static Pending approved(String user, String agentName, Map<String, String> projects) {
			OAuthClients.Registered registered = OAuthClients.register(metadata, "Nimbus " + user + " " + agentName,
					redirectUri);
			return new Pending(registered.clientId(), user, agentName, projects);
		}

		static Pending approvedAs(String user, String clientId, String agentName, Map<String, String> projects) {
			return new Pending(clientId, user, agentName, projects);
		}

		private static String existingAgent(String user, String agentName) {
			UUID owner = user.equals("bob") ? LauncherNode.BOB_ID : LauncherNode.ALICE_ID;
			List<UUID> ids = cluster.jdbc()
				.queryForList("SELECT id FROM agw_agent WHERE owner_user_id = ? AND name = ?", UUID.class, owner,
						agentName);
			return ids.isEmpty() ? null : ids.get(0).toString();
		}

	}

	/** A person approved and the client exchanged the code. */
	private static final class Flow {

		final String clientId;

		final CodeVerifier verifier;

		final String code;

		final OAuthClients.Answer answer;

		private Flow(Pending pending) {
			this.clientId = pending.clientId;
			this.verifier = pending.verifier;
			this.code = pending.code;
			this.answer = OAuthClients.exchange(metadata, pending.clientId, pending.code, redirectUri, pending.verifier,
					OAuthClients.resource(node));
			assertThat(this.answer.error()).as(this.answer.response().getBody()).isNull();
		}

		static Flow approved(String user, String agentName, Map<String, String> projects) {
			return new Flow(Pending.approved(user, agentName, projects));
		}

		static Flow approvedAs(String user, String clientId, String agentName, Map<String, String> projects) {
			return new Flow(Pending.approvedAs(user, clientId, agentName, projects));
		}

	}

}
