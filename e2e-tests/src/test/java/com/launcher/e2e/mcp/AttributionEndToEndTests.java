package com.launcher.e2e.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.mcp.McpClients.TestAgent;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.ProtocolVersions;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.launcher.e2e.mcp.McpClients.args;
import static com.launcher.e2e.mcp.McpClients.call;
import static com.launcher.e2e.mcp.McpClients.key;
import static com.launcher.e2e.mcp.McpClients.structured;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12 point 9 on the built gateway: {@code author_is_this_agent} is true only for
 * what the gateway wrote for this agent, whatever a Tasker user puts into a record's
 * external id through Plane's API with their own key.
 */
class AttributionEndToEndTests {

	private static LauncherCluster cluster;

	private static TestAgent agent;

	private static McpSyncClient client;

	private static UUID web;

	private static UUID ops;

	@BeforeAll
	static void start() {
		cluster = LauncherCluster.start(1);
		LauncherNode node = cluster.node();
		McpClients.liftLimits(node);
		web = node.projectId("alice", "WEB");
		ops = node.projectId("alice", "OPS");
		agent = McpClients.agent(node, "alice", "attributed", Map.of(web, "WRITE", ops, "WRITE"));
		client = McpClients.sdk(node, agent.token(), ProtocolVersions.MCP_2025_11_25);
		client.initialize();
	}

	@AfterAll
	static void stop() {
		if (client != null) {
			client.closeGracefully();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	void listCommentsWhenAPersonForgesOrCopiesTheAgentsExternalIdThenOnlyTheAgentsOwnCommentIsItsOwn() {
		structured(call(client, "add_comment",
				args("work_item_id", "WEB-1", "idempotency_key", key(), "body", "Written by the agent")));
		JsonNode own = comments("WEB-1");
		JsonNode written = own.valueStream()
			.filter((c) -> c.path("body").path("text").asString().contains("Written by the agent"))
			.findFirst()
			.orElseThrow();
		assertThat(written.path("body").path("author_is_this_agent").asBoolean()).isTrue();
		String validId = taskerComments(web, "WEB", 1).valueStream()
			.filter((c) -> "agent-gateway".equals(c.path("external_source").asString()))
			.findFirst()
			.orElseThrow()
			.path("external_id")
			.asString();

		// Bob, a member of WEB, writes the agent's id the way the gateway did before
		// tags: agw-<agent>-<32 hex>.
		String bob = cluster.sandbox().issueApiKey("bob@launcher.local");
		postComment(bob, web, "WEB", 2, "Forged by a person", "agw-" + agent.id() + "-" + "0123456789abcdef".repeat(2));
		// Alice copies the agent's real id from WEB onto a card of OPS.
		String alice = cluster.sandbox().issueApiKey("alice@launcher.local");
		postComment(alice, ops, "OPS", 1, "Copied by a person", validId);

		assertThat(authorIsThisAgent("WEB-2", "Forged by a person")).isFalse();
		assertThat(authorIsThisAgent("OPS-1", "Copied by a person")).isFalse();
		assertThat(authorIsThisAgent("WEB-1", "Written by the agent")).isTrue();
	}

	private static boolean authorIsThisAgent(String card, String text) {
		return comments(card).valueStream()
			.filter((c) -> c.path("body").path("text").asString().contains(text))
			.findFirst()
			.orElseThrow()
			.path("body")
			.path("author_is_this_agent")
			.asBoolean();
	}

	private static JsonNode comments(String card) {
		return structured(call(client, "list_comments", args("work_item_id", card))).path("comments");
	}

	private static JsonNode taskerComments(UUID project, String identifier, int sequence) {
		String key = cluster.sandbox().demoApiKey();
		UUID card = UUID.fromString(
				plane(key, "GET", "/work-items/" + identifier + "-" + sequence + "/", null).path("id").asString());
		return plane(key, "GET", "/projects/" + project + "/work-items/" + card + "/comments/", null).path("results");
	}

	private static void postComment(String apiKey, UUID project, String identifier, int sequence, String text,
			String externalId) {
		UUID card = UUID.fromString(
				plane(apiKey, "GET", "/work-items/" + identifier + "-" + sequence + "/", null).path("id").asString());
		plane(apiKey, "POST", "/projects/" + project + "/work-items/" + card + "/comments/", Map.of("comment_html",
				"<p>" + text + "</p>", "external_source", "agent-gateway", "external_id", externalId));
	}

	/** Plane's API as any workspace member may call it with their own key. */
	private static JsonNode plane(String apiKey, String method, String path, Map<String, Object> body) {
		try {
			HttpRequest.Builder request = HttpRequest
				.newBuilder(URI.create(cluster.sandbox().baseUrl() + "/api/v1/workspaces/demo" + path))
				.header("X-Api-Key", apiKey)
				.header("Content-Type", "application/json");
			request.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(McpClients.JSON.writeValueAsString(body))
							: HttpRequest.BodyPublishers.noBody());
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 201);
			return McpClients.JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
