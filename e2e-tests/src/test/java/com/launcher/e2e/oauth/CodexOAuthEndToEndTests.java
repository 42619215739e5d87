package com.launcher.e2e.oauth;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ParseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OpenAI Codex CLI (from npm) connects with {@code codex mcp login tasker}, configured
 * with the instruction pack's OAuth snippet, and then lists and calls the tools as the
 * consenting owner's agent through {@code codex app-server}. Codex prefers a client
 * metadata document when the server accepts them: its client id is an HTTPS URL on
 * chatgpt.com, which the gateway must fetch. This machine has no internet, so that test
 * stops at Codex's request and the gateway is never asked to fetch it; a host with
 * metadata documents turned off makes Codex register with RFC 7591 instead.
 */
class CodexOAuthEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	@BeforeAll
	static void start() {
		CodexCli.binary();
		cluster = LauncherCluster.start(1);
		node = cluster.node();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void loginWhenDynamicRegistrationThenCodexListsAndCallsToolsAsTheOwnersAgent() {
		try (CodexCli codex = CodexCli.withConfig(instructionPackConfig(node))) {
			completeLogin(codex, "dcr", node, "codex-dcr");
			assertToolsWorkAs(codex, node, "codex-dcr");
		}
	}

	@Test
	void loginWhenServerAcceptsMetadataDocumentsThenCodexAsksWithItsDocumentUrl() throws ParseException {
		try (CodexCli codex = CodexCli.withConfig(instructionPackConfig(node))) {
			CodexCli.Login login = codex.login("auto");
			AuthorizationRequest request = AuthorizationRequest.parse(URI.create(login.authorizationUrl()));
			// Codex's client metadata document (CIMD): a fixed HTTPS URL, a loopback
			// redirect on a port of its choosing, PKCE S256 and the MCP endpoint as
			// resource.
			assertThat(request.getClientID().getValue()).isEqualTo("https://chatgpt.com/oauth/codex/client.json");
			assertThat(request.getRedirectionURI().getHost()).isEqualTo("127.0.0.1");
			assertThat(request.getCodeChallengeMethod().getValue()).isEqualTo("S256");
			assertThat(request.getResources()).containsExactly(OAuthClients.resource(node));
			assertThat(cluster.jdbc()
				.queryForObject("SELECT count(*) FROM agw_oauth_client WHERE client_id = ?", Long.class,
						request.getClientID().getValue()))
				.as("the gateway was not asked to fetch it")
				.isZero();
		}
	}

	@Test
	void loginWhenMetadataDocumentsAreOffThenCodexRegistersByItselfAndCompletes() {
		LauncherNode offline = cluster.addNode(List.of(LauncherCluster.pluginZip()),
				Map.of("agent-gateway.oauth.metadata-documents.enabled", false));
		JsonNode metadata = LauncherNode
			.json(offline.send(offline.anonymous("/.well-known/oauth-authorization-server/plugins/agent-gateway")));
		assertThat(metadata.get("client_id_metadata_document_supported").asBoolean()).isFalse();
		try (CodexCli codex = CodexCli.withConfig(instructionPackConfig(offline))) {
			completeLogin(codex, "auto", offline, "codex-auto");
			assertToolsWorkAs(codex, offline, "codex-auto");
		}
	}

	/** The instruction pack's OAuth snippet for one of alice's agents. */
	private static String instructionPackConfig(LauncherNode on) {
		UUID any = on.createAgent("alice", "pack-" + UUID.randomUUID().toString().substring(0, 8));
		JsonNode pack = LauncherNode.json(on.get("alice", LauncherNode.API + "/agents/" + any + "/instruction-pack"));
		String toml = pack.get("codexConfigToml").asString();
		assertThat(toml).doesNotContain("bearer_token");
		return toml;
	}

	private static void completeLogin(CodexCli codex, String registration, LauncherNode on, String agentName) {
		CodexCli.Login login = codex.login(registration);
		URI url = URI.create(login.authorizationUrl());
		assertThat(url.getQuery()).contains("code_challenge_method=S256").contains("resource=");
		String web = on.projectId("alice", "WEB").toString();
		HttpResponse<String> approved = PersonSession.signIn(on, "alice")
			.consent(url, true, null, agentName, Map.of(web, "WRITE"));
		assertThat(approved.statusCode()).isEqualTo(303);
		// The browser would follow the redirect to Codex's loopback callback.
		URI callback = URI.create(approved.headers().firstValue("Location").orElseThrow());
		assertThat(callback.getHost()).isEqualTo("127.0.0.1");
		HttpResponse<String> delivered = PersonSession.signIn(on, "alice").get(callback);
		assertThat(delivered.statusCode()).isEqualTo(200);
		String output = login.finish();
		assertThat(output).startsWith("exit 0").contains("Successfully logged in");
	}

	private static void assertToolsWorkAs(CodexCli codex, LauncherNode on, String agentName) {
		CodexCli.AppServer server = codex.appServer();
		JsonNode status = server.request("mcpServerStatus/list", Map.of("serverName", "tasker"));
		JsonNode tasker = status.get("data").get(0);
		assertThat(tasker.get("authStatus").asString()).isEqualTo("oAuth");
		assertThat(tasker.get("tools").has("whoami")).isTrue();
		assertThat(tasker.get("tools").has("create_work_item")).isTrue();
		String thread = server.request("thread/start", Map.of("cwd", codex.home().toString()))
			.get("thread")
			.get("id")
			.asString();
		JsonNode whoami = server.request("mcpServer/tool/call",
				Map.of("threadId", thread, "server", "tasker", "tool", "whoami", "arguments", Map.of()));
		assertThat(whoami.path("isError").asBoolean(false)).isFalse();
		JsonNode structured = whoami.get("structuredContent");
		assertThat(structured.get("agent").get("name").asString()).isEqualTo(agentName);
		assertThat(structured.get("owner").get("id").asString()).isEqualTo(LauncherNode.ALICE_ID.toString());
		UUID agent = OAuthClients.agentNamed(cluster, LauncherNode.ALICE_ID, agentName);
		assertThat(cluster.jdbc()
			.queryForObject("SELECT count(*) FROM agw_audit_event WHERE agent_id = ? AND action = 'tool.whoami'"
					+ " AND outcome = 'SUCCEEDED'", Long.class, agent))
			.as("the call is audited as the agent")
			.isPositive();
	}

}
