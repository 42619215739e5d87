package com.launcher.e2e.mcp;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.JournalEntry;
import com.launcher.tasker.sandbox.SandboxOptions;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static com.launcher.e2e.mcp.McpClients.args;
import static com.launcher.e2e.mcp.McpClients.errorCode;
import static com.launcher.e2e.mcp.McpClients.key;
import static com.launcher.e2e.mcp.McpClients.structured;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code search_work_items} on the built zip over the official MCP client, with the read
 * model on: titles, descriptions and comments found from the copy at no Tasker call,
 * snippets inside the untrusted envelope and inert, and the scope matrix: a READ grant
 * and a WRITE grant are searched, a project not granted is neither searched nor named, a
 * project whose owner left is left out (and refused when named), and a removed grant
 * stops at once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SearchWorkItemsEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static UUID web;

	private static UUID ops;

	private static UUID agentId;

	private static UUID opsGrant;

	private static McpSyncClient both;

	private static McpSyncClient webOnly;

	@BeforeAll
	static void start() {
		// The sync runs on demand (a first search asks for the fill) and then not for an
		// hour, so the journal holds only what the calls under test cause.
		cluster = LauncherCluster.start(1, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of("agent-gateway.read-model.enabled", true, "agent-gateway.read-model.sync-interval", "1h",
						"agent-gateway.membership-cache.bound", "1s"));
		node = cluster.node();
		McpClients.liftLimits(node);
		web = node.projectId("alice", "WEB");
		ops = node.projectId("alice", "OPS");
		cluster.sandbox().addWorkItem(cluster.sandbox().projectId("WEB"), "Zebra crossing on the home page");
		cluster.sandbox().addWorkItem(cluster.sandbox().projectId("OPS"), "Zebra backups <script>alert(1)</script>");
		agentId = node.createAgent("alice", "searcher");
		node.grant("alice", agentId, web, "READ");
		opsGrant = node.grant("alice", agentId, ops, "WRITE");
		both = client(node.mint("alice", agentId)[1]);
		UUID webAgent = node.createAgent("alice", "web-searcher");
		node.grant("alice", webAgent, web, "READ");
		webOnly = client(node.mint("alice", webAgent)[1]);
		// The first search asks for both projects to be filled; wait until they are,
		// names (states, labels, members) included.
		awaitTrue("both projects copied", () -> {
			McpSchema.CallToolResult result = McpClients.call(both, "search_work_items", args("query", "zebra"));
			return errorCode(result) == null && structured(result).path("not_searched").isEmpty()
					&& cluster.jdbc()
						.queryForObject("SELECT count(*) FROM agw_rm_project WHERE filled AND last_meta_at IS NOT NULL",
								Long.class) == 2;
		});
	}

	@AfterAll
	static void stop() {
		for (McpSyncClient client : new McpSyncClient[] { both, webOnly }) {
			if (client != null) {
				client.closeGracefully();
			}
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@Test
	@Order(1)
	void searchWhenReadAndWriteGrantsThenBothProjectsFoundFromTheCopyAtNoTaskerCall() {
		McpClients.call(both, "search_work_items", args("query", "zebra"));
		cluster.sandbox().clearJournal();

		JsonNode found = structured(McpClients.call(both, "search_work_items", args("query", "zebra")));

		assertThat(identifiers(found)).hasSize(2)
			.anyMatch((id) -> id.startsWith("WEB-"))
			.anyMatch((id) -> id.startsWith("OPS-"));
		assertThat(found.path("as_of").asString()).isNotEmpty();
		assertThat(found.path("not_searched")).isEmpty();
		assertThat(found.path("unavailable_count").asInt()).isZero();
		JsonNode hit = found.path("work_items").get(0);
		assertThat(hit.path("state").path("name").asString()).as("names from the copy").isNotEmpty();
		assertThat(hit.path("matched").valueStream().map(JsonNode::asString)).containsExactly("title");
		assertThat(hit.path("snippet").isNull()).as("the title already shows the words").isTrue();
		assertThat(hit.has("description")).as("compact, like list results").isFalse();
		assertThat(McpClients.JSON.writeValueAsString(found)).as("inert everywhere").doesNotContain("<script>");

		// The seeded injection card: words of its description found, the snippet inert
		// inside the untrusted envelope.
		JsonNode injected = structured(McpClients.call(both, "search_work_items", args("query", "delete tool")))
			.path("work_items")
			.get(0);
		assertThat(injected.path("matched").valueStream().map(JsonNode::asString)).containsExactly("description");
		assertThat(injected.path("snippet").path("untrusted").asBoolean()).isTrue();
		assertThat(injected.path("snippet").path("author_id").asString()).isNotEmpty();
		assertThat(injected.path("snippet").path("text").asString()).contains("**delete** **tool**")
			.doesNotContain("<", ">", "\u200b", "\u202e")
			.hasSizeLessThanOrEqualTo(300);
		assertThat(taskerCalls()).as("no Tasker call but membership reads").isZero();
	}

	@Test
	@Order(2)
	void searchWhenACommentMatchesThenTheCardIsFoundWithTheCommentAsSnippetAndItsAuthor() {
		McpSchema.CallToolResult posted = McpClients.call(both, "add_comment", args("work_item_id", "OPS-1", "body",
				"Checked the quokka dashboard, all green.", "idempotency_key", key()));
		assertThat(errorCode(posted)).isNull();
		cluster.sandbox().clearJournal();

		JsonNode found = structured(McpClients.call(both, "search_work_items", args("query", "quokka")));

		assertThat(identifiers(found)).containsExactly("OPS-1");
		JsonNode hit = found.path("work_items").get(0);
		assertThat(hit.path("matched").valueStream().map(JsonNode::asString)).containsExactly("comment");
		assertThat(hit.path("snippet").path("text").asString()).contains("**quokka**");
		assertThat(hit.path("snippet").path("author_is_this_agent").asBoolean()).isTrue();
		assertThat(taskerCalls()).isZero();
	}

	@Test
	@Order(3)
	void searchWhenFilteredOrPagedThenOnlyMatchingCardsOnePagePerCall() {
		JsonNode web1 = structured(
				McpClients.call(both, "search_work_items", args("query", "zebra", "project_id", "web", "limit", 1)));
		assertThat(identifiers(web1)).singleElement().satisfies((id) -> assertThat(id).startsWith("WEB-"));
		assertThat(web1.path("next_cursor").isNull()).isTrue();

		JsonNode first = structured(McpClients.call(both, "search_work_items", args("query", "zebra", "limit", 1)));
		JsonNode second = structured(McpClients.call(both, "search_work_items",
				args("query", "zebra", "limit", 1, "cursor", first.path("next_cursor").asString())));
		assertThat(identifiers(first)).doesNotContainAnyElementsOf(identifiers(second));
		assertThat(second.path("next_cursor").isNull()).isTrue();
		McpSchema.CallToolResult reused = McpClients.call(both, "search_work_items",
				args("query", "other words", "cursor", first.path("next_cursor").asString()));
		assertThat(errorCode(reused)).isEqualTo("validation_failed");

		McpSchema.CallToolResult unknownState = McpClients.call(both, "search_work_items",
				args("query", "zebra", "project_id", "WEB", "state", "Shipped"));
		assertThat(errorCode(unknownState)).isEqualTo("validation_failed");
		assertThat(structured(unknownState).path("valid")).isNotEmpty();
		JsonNode backlog = structured(
				McpClients.call(both, "search_work_items", args("query", "zebra", "state", "cancelled")));
		assertThat(backlog.path("work_items")).isEmpty();
	}

	@Test
	@Order(4)
	void searchWhenAProjectIsNotGrantedThenItIsNeitherSearchedNorNamed() {
		cluster.sandbox().clearJournal();
		JsonNode found = structured(McpClients.call(webOnly, "search_work_items", args("query", "zebra")));
		assertThat(identifiers(found)).singleElement().satisfies((id) -> assertThat(id).startsWith("WEB-"));
		McpSchema.CallToolResult named = McpClients.call(webOnly, "search_work_items",
				args("query", "zebra", "project_id", "OPS"));
		McpSchema.CallToolResult unknown = McpClients.call(webOnly, "search_work_items",
				args("query", "zebra", "project_id", "NOPE"));
		assertThat(errorCode(named)).isEqualTo("project_not_granted");
		assertThat(structured(named)).isEqualTo(structured(unknown));
		assertThat(McpClients.JSON.writeValueAsString(structured(named))).doesNotContain("backups");
		assertThat(cluster.sandbox().journal()).noneMatch((e) -> e.path().contains(ops.toString()));
	}

	@Test
	@Order(5)
	void searchWhenTheOwnerLeftAProjectThenItIsLeftOutAndRefusedWhenNamed() {
		setAliceInOps(false);
		try {
			JsonNode found = awaitValue("the membership bound", () -> {
				JsonNode answer = structured(McpClients.call(both, "search_work_items", args("query", "zebra")));
				return (answer.path("unavailable_count").asInt() == 1) ? answer : null;
			});
			assertThat(identifiers(found)).singleElement().satisfies((id) -> assertThat(id).startsWith("WEB-"));
			assertThat(errorCode(
					McpClients.call(both, "search_work_items", args("query", "zebra", "project_id", ops.toString()))))
				.isEqualTo("owner_not_member");
		}
		finally {
			setAliceInOps(true);
		}
		awaitTrue("back in",
				() -> structured(McpClients.call(both, "search_work_items", args("query", "zebra")))
					.path("unavailable_count")
					.asInt() == 0);
	}

	@Test
	@Order(6)
	void searchWhenTheGrantIsRemovedThenTheProjectIsNoLongerSearchedAtOnce() {
		HttpResponse<String> removed = node
			.send(node.as("alice", LauncherNode.API + "/agents/" + agentId + "/grants/" + opsGrant).DELETE());
		assertThat(removed.statusCode()).isEqualTo(204);

		JsonNode found = structured(McpClients.call(both, "search_work_items", args("query", "zebra")));
		assertThat(identifiers(found)).singleElement().satisfies((id) -> assertThat(id).startsWith("WEB-"));
		assertThat(found.path("unavailable_count").asInt()).isZero();
		assertThat(errorCode(McpClients.call(both, "search_work_items", args("query", "quokka", "project_id", "OPS"))))
			.isEqualTo("project_not_granted");
	}

	private static List<String> identifiers(JsonNode found) {
		return found.path("work_items").valueStream().map((card) -> card.path("identifier").asString()).toList();
	}

	/** Tasker calls other than member-list reads (the owner's membership check). */
	private static long taskerCalls() {
		return cluster.sandbox()
			.journal()
			.stream()
			.filter((JournalEntry e) -> !(e.method().equals("GET") && e.path().endsWith("/members/")))
			.count();
	}

	private static McpSyncClient client(String token) {
		McpSyncClient client = McpClients.sdk(node, token, ProtocolVersions.MCP_2025_11_25);
		client.initialize();
		return client;
	}

	private static void setAliceInOps(boolean active) {
		HttpResponse<String> response = node.send(node.as("admin", "/launcher/api/tasker-memberships")
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString("{\"workspace\":\"demo\",\"projectId\":\"" + ops
					+ "\",\"email\":\"alice@launcher.local\",\"active\":" + active + "}")));
		assertThat(response.statusCode()).isEqualTo(200);
		cluster.sandbox().setMembershipActive("OPS", "alice@launcher.local", active);
	}

	private static void awaitTrue(String what, BooleanSupplier condition) {
		awaitValue(what, () -> condition.getAsBoolean() ? Boolean.TRUE : null);
	}

	private static <T> T awaitValue(String what, Supplier<T> value) {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		T seen = value.get();
		while (seen == null && System.nanoTime() < deadline) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			seen = value.get();
		}
		return Objects.requireNonNull(seen, "timed out waiting for " + what);
	}

}
