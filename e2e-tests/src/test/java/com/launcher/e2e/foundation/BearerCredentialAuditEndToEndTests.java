package com.launcher.e2e.foundation;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 point 11, host part, on the built gateway: a bearer credential that Spring
 * would refuse before any introspector (a malformed header, or a request its firewall
 * rejects) still reaches the gateway's introspector once, and leaves exactly one audit
 * event, naming agent and owner when the token is recognised.
 */
class BearerCredentialAuditEndToEndTests {

	private static final String MCP = "/plugins/agent-gateway/mcp";

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static UUID agent;

	private static String token;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1);
		node = cluster.node();
		agent = node.createAgent("alice", "credential-audit");
		token = node.mint("alice", agent)[1];
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void mcpWhenBearerHeaderMalformedForSpringThenOneDeniedEvent() {
		for (String header : List.of("Bearer agw_a!b", "Bearer", "Bearer  agw_" + "x".repeat(5))) {
			String requestId = "e2e-malformed-" + UUID.randomUUID();
			HttpResponse<String> response = node.send(node.anonymous(MCP)
				.header("Authorization", header)
				.header("X-Request-Id", requestId)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{}")));
			assertThat(response.statusCode()).as(header).isEqualTo(401);
			assertThat(audit(requestId)).as(header)
				.singleElement()
				.satisfies((event) -> assertThat(event).containsEntry("action", "token.use")
					.containsEntry("outcome", "DENIED")
					.containsEntry("reason", "malformed_token"));
		}
	}

	@Test
	void mcpWhenValidTokenAfterTwoSpacesThenAuthenticated() {
		// RFC 6750 §2.1 allows one or more spaces after the scheme; Spring's resolver
		// does not, and refused such a request before the gateway saw it.
		HttpResponse<String> response = node.send(node.anonymous(MCP)
			.header("Authorization", "Bearer  " + token)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json, text/event-stream")
			.POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void mcpWhenFirewallRejectsRequestWithValidTokenThenOneDeniedEventNamingAgentAndOwner() {
		String requestId = "e2e-rejected-" + UUID.randomUUID();
		int status = RawHttp.status(node.port(), "POST " + MCP + ";jsessionid=x HTTP/1.1\r\nAuthorization: Bearer "
				+ token + "\r\nX-Request-Id: " + requestId + "\r\n");
		assertThat(status).isEqualTo(400);
		assertThat(audit(requestId)).singleElement().satisfies((event) -> {
			assertThat(event).containsEntry("action", "token.use")
				.containsEntry("outcome", "DENIED")
				.containsEntry("reason", "request_rejected");
			assertThat(event.get("agent_id")).hasToString(agent.toString());
			assertThat(event.get("owner_user_id")).hasToString(LauncherNode.ALICE_ID.toString());
		});
	}

	@Test
	void mcpWhenFirewallRejectsHeaderValueThenOneDeniedEvent() {
		String requestId = "e2e-rejected-" + UUID.randomUUID();
		int status = RawHttp.status(node.port(),
				"POST " + MCP + " HTTP/1.1\r\nAuthorization: Bearer agw_\u0085\r\nX-Request-Id: " + requestId + "\r\n");
		assertThat(status).isEqualTo(400);
		assertThat(audit(requestId)).singleElement()
			.satisfies((event) -> assertThat(event).containsEntry("reason", "malformed_token"));
	}

	@Test
	void mcpWhenBodyBreaksOffOrLiesAboutItsChunksThenOneDeniedEventNamingAgentAndOwner() {
		String head = "POST " + MCP + " HTTP/1.1\r\nAuthorization: Bearer " + token
				+ "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n";
		String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
		Map<String, String> bodies = Map.of("Content-Length: " + (ping.length() + 40) + "\r\n", ping,
				"Transfer-Encoding: chunked\r\n", "zz\r\n" + ping + "\r\n0\r\n\r\n");
		bodies.forEach((framing, body) -> {
			String requestId = "e2e-broken-body-" + UUID.randomUUID();
			int status = RawHttp.brokenBody(node.port(), head + framing + "X-Request-Id: " + requestId + "\r\n", body);
			// The client may already be gone; the answer, when one is written, is a 400.
			assertThat(status).as(framing).isIn(-1, 400);
			assertThat(audit(requestId)).as(framing).singleElement().satisfies((event) -> {
				assertThat(event).containsEntry("action", "mcp.rejected")
					.containsEntry("outcome", "DENIED")
					.containsEntry("reason", "body_unreadable");
				assertThat(event.get("agent_id")).hasToString(agent.toString());
				assertThat(event.get("owner_user_id")).hasToString(LauncherNode.ALICE_ID.toString());
			});
		});
	}

	private static List<Map<String, Object>> audit(String requestId) {
		JdbcTemplate jdbc = cluster.jdbc();
		return jdbc.queryForList(
				"SELECT action, outcome, reason, agent_id, owner_user_id FROM agw_audit_event WHERE request_id = ?",
				requestId);
	}

}
