package com.launcher.e2e.mcp;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.mcp.McpClients.TestAgent;
import com.launcher.tasker.sandbox.JournalEntry;
import com.launcher.tasker.sandbox.SandboxOptions;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.ProtocolVersions;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static com.launcher.e2e.mcp.McpClients.args;
import static com.launcher.e2e.mcp.McpClients.call;
import static com.launcher.e2e.mcp.McpClients.errorCode;
import static com.launcher.e2e.mcp.McpClients.key;
import static com.launcher.e2e.mcp.McpClients.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The twelve tools through the official MCP Java SDK client over real HTTP, against the
 * reference host running the built plugin and the Tasker sandbox: both protocol
 * revisions, tools/list per grant level, each tool's success path and refusals, the owner
 * leaving the project, and S1 over everything these tests saw.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpToolsEndToEndTests {

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static UUID web;

	private static UUID ops;

	/** alice's agent, WRITE on WEB. */
	private static TestAgent writer;

	/** alice's agent, READ on WEB. */
	private static TestAgent reader;

	private static McpSyncClient writerClient;

	private static McpSyncClient readerClient;

	/** Every result these tests received, for the S1 check at the end. */
	private static final StringBuilder seen = new StringBuilder();

	@BeforeAll
	static void start() {
		// Owners' memberships are kept for a second: the removal test waits that out.
		cluster = LauncherCluster.start(1, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of("agent-gateway.membership-cache.bound", "1s"));
		node = cluster.node();
		McpClients.liftLimits(node);
		web = node.projectId("alice", "WEB");
		ops = node.projectId("alice", "OPS");
		writer = McpClients.agent(node, "alice", "tools-writer", Map.of(web, "WRITE"));
		reader = McpClients.agent(node, "alice", "tools-reader", Map.of(web, "READ"));
		writerClient = McpClients.sdk(node, writer.token(), ProtocolVersions.MCP_2025_11_25);
		writerClient.initialize();
		readerClient = McpClients.sdk(node, reader.token(), ProtocolVersions.MCP_2025_06_18);
		readerClient.initialize();
	}

	@AfterAll
	static void stop() {
		if (writerClient != null) {
			writerClient.closeGracefully();
		}
		if (readerClient != null) {
			readerClient.closeGracefully();
		}
		if (cluster != null) {
			cluster.close();
		}
	}

	@BeforeEach
	void resetSandbox() {
		cluster.sandbox().clearFaults();
		cluster.sandbox().clearJournal();
	}

	private static McpSchema.CallToolResult as(McpSyncClient client, String tool, Map<String, Object> arguments) {
		McpSchema.CallToolResult result = call(client, tool, arguments);
		seen.append(McpClients.JSON.writeValueAsString(result)).append('\n');
		return result;
	}

	private static List<JournalEntry> writes() {
		return McpClients.journal(cluster, JournalEntry::isWrite);
	}

	// ---- lifecycle and listing

	@Test
	@Order(1)
	void initializeWhenClientSpeaks20250618ThenServerAnswersThatRevisionWithToolsAndInstructions() {
		try (McpSyncClient client = McpClients.sdk(node, reader.token(), ProtocolVersions.MCP_2025_06_18)) {
			McpSchema.InitializeResult result = client.initialize();
			assertThat(result.protocolVersion()).isEqualTo("2025-06-18");
			assertThat(result.serverInfo().name()).isEqualTo("agent-gateway");
			assertThat(result.capabilities().tools()).isNotNull();
			assertThat(result.capabilities().resources()).isNull();
			assertThat(result.instructions()).contains("untrusted").contains("idempotency_key");
			assertThat(client.listTools().tools()).hasSize(McpClients.READ_TOOLS.size());
		}
	}

	@Test
	@Order(2)
	void initializeWhenClientSpeaks20251125ThenServerAnswersThatRevisionAndServesCalls() {
		try (McpSyncClient client = McpClients.sdk(node, writer.token(), ProtocolVersions.MCP_2025_11_25)) {
			McpSchema.InitializeResult result = client.initialize();
			assertThat(result.protocolVersion()).isEqualTo("2025-11-25");
			McpSchema.CallToolResult whoami = as(client, "whoami", Map.of());
			assertThat(whoami.isError()).isFalse();
		}
	}

	@Test
	@Order(3)
	void toolsListWhenReadOnlyGrantThenOnlyReadToolsAreListed() {
		List<McpSchema.Tool> tools = readerClient.listTools().tools();
		assertThat(tools).extracting(McpSchema.Tool::name)
			.containsExactlyInAnyOrderElementsOf(McpClients.READ_TOOLS)
			.doesNotContainAnyElementsOf(McpClients.WRITE_TOOLS);
		assertThat(tools).allSatisfy((tool) -> {
			assertThat(tool.annotations().readOnlyHint()).isTrue();
			assertThat(tool.annotations().openWorldHint()).isFalse();
		});
	}

	@Test
	@Order(4)
	void toolsListWhenWriteGrantThenAllTwelveToolsWithStrictSchemasAndHonestAnnotations() {
		List<McpSchema.Tool> tools = writerClient.listTools().tools();
		assertThat(tools).extracting(McpSchema.Tool::name)
			.containsExactlyInAnyOrderElementsOf(
					java.util.stream.Stream.concat(McpClients.READ_TOOLS.stream(), McpClients.WRITE_TOOLS.stream())
						.toList());
		for (McpSchema.Tool tool : tools) {
			assertThat(tool.inputSchema()).as(tool.name()).containsEntry("additionalProperties", false);
			assertThat(tool.outputSchema()).as(tool.name()).isNotEmpty();
			assertThat(tool.description()).as(tool.name()).isNotBlank();
			boolean write = McpClients.WRITE_TOOLS.contains(tool.name());
			assertThat(tool.annotations().readOnlyHint()).as(tool.name()).isEqualTo(!write);
			if (write) {
				assertThat(tool.annotations().destructiveHint()).as(tool.name()).isFalse();
				assertThat(tool.annotations().idempotentHint()).as(tool.name()).isTrue();
				assertThat(String.valueOf(tool.inputSchema().get("required"))).as(tool.name())
					.contains("idempotency_key");
			}
		}
	}

	@Test
	@Order(5)
	void callWhenReadOnlyGrantAndWriteToolThenRefusedLikeAnUnknownToolAndNothingWritten() {
		for (String tool : McpClients.WRITE_TOOLS) {
			assertThatThrownBy(() -> call(readerClient, tool,
					args("project_id", web.toString(), "idempotency_key", key(), "title", "x", "work_item_id",
							UUID.randomUUID().toString(), "body", "x", "status", "done", "summary", "x")))
				.as(tool)
				.isInstanceOf(McpError.class)
				.satisfies((ex) -> assertThat(((McpError) ex).getJsonRpcError().code())
					.isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS));
		}
		assertThat(cluster.sandbox().journal()).isEmpty();
		assertThat(cluster.jdbc()
			.queryForObject("SELECT count(*) FROM agw_audit_event WHERE agent_id = ? AND reason = 'tool_not_available'",
					Long.class, reader.id()))
			.isEqualTo(McpClients.WRITE_TOOLS.size());
	}

	// ---- success paths, one per tool

	@Test
	@Order(10)
	void whoamiWhenCalledThenAgentOwnerGrantsLimitsBudgetAndCallableTools() {
		JsonNode me = structured(as(writerClient, "whoami", Map.of()));
		assertThat(me.path("agent").path("id").asString()).isEqualTo(writer.id().toString());
		assertThat(me.path("owner").path("id").asString()).isEqualTo(LauncherNode.ALICE_ID.toString());
		assertThat(me.path("grants")).hasSize(1);
		assertThat(me.path("grants").get(0).path("project_id").asString()).isEqualTo(web.toString());
		assertThat(me.path("grants").get(0).path("access").asString()).isEqualTo("WRITE");
		assertThat(me.path("limits").path("writes_per_day").asInt()).isEqualTo(100_000);
		assertThat(me.path("write_budget").path("remaining").asInt()).isPositive();
		assertThat(me.path("tools")).hasSize(12);
		JsonNode readOnly = structured(as(readerClient, "whoami", Map.of()));
		assertThat(readOnly.path("tools")).hasSize(McpClients.READ_TOOLS.size());
		assertThat(writes()).isEmpty();
	}

	@Test
	@Order(11)
	void listProjectsWhenOwnerIsMemberThenOnlyTheGrantedProject() {
		JsonNode projects = structured(as(writerClient, "list_projects", Map.of()));
		assertThat(projects.path("projects")).hasSize(1);
		assertThat(projects.path("projects").get(0).path("identifier").asString()).isEqualTo("WEB");
		assertThat(projects.path("unavailable_count").asInt()).isZero();
		assertThat(McpClients.journal(cluster, (e) -> e.path().contains(ops.toString()))).isEmpty();
	}

	@Test
	@Order(12)
	void listWorkItemsWhenFilteredAndPagedThenOnlyGrantedProjectCardsWithCursor() {
		JsonNode all = structured(as(readerClient, "list_work_items", args("project_id", web.toString())));
		assertThat(all.path("work_items").size()).isGreaterThanOrEqualTo(3);
		assertThat(all.path("work_items").valueStream().map((i) -> i.path("identifier").asString()))
			.allMatch((identifier) -> identifier.startsWith("WEB-"));
		assertThat(all.path("work_items").get(0).path("title").path("untrusted").asBoolean()).isTrue();
		JsonNode footer = structured(
				as(readerClient, "list_work_items", args("project_id", web.toString(), "text", "FOOTER")));
		assertThat(footer.path("work_items")).hasSize(1);
		assertThat(footer.path("work_items").get(0).path("title").path("text").asString())
			.isEqualTo("Update the footer links");
		JsonNode first = structured(
				as(readerClient, "list_work_items", args("project_id", web.toString(), "limit", 1)));
		assertThat(first.path("work_items")).hasSize(1);
		String cursor = first.path("next_cursor").asString();
		assertThat(cursor).isNotBlank();
		JsonNode second = structured(
				as(readerClient, "list_work_items", args("project_id", web.toString(), "limit", 1, "cursor", cursor)));
		assertThat(second.path("work_items")).hasSize(1);
		assertThat(second.path("work_items").get(0).path("work_item_id").asString())
			.isNotEqualTo(first.path("work_items").get(0).path("work_item_id").asString());
		McpSchema.CallToolResult foreignCursor = as(readerClient, "list_work_items",
				args("project_id", web.toString(), "limit", 1, "text", "x", "cursor", cursor));
		assertThat(errorCode(foreignCursor)).isEqualTo("validation_failed");
		assertThat(writes()).isEmpty();
	}

	@Test
	@Order(13)
	void getWorkItemWhenReadableIdOrUuidThenSanitisedEnvelopeOfThatCard() {
		JsonNode byIdentifier = structured(
				as(readerClient, "get_work_item", args("project_id", web.toString(), "work_item_id", "WEB-1")))
			.path("work_item");
		assertThat(byIdentifier.path("identifier").asString()).isEqualTo("WEB-1");
		JsonNode description = byIdentifier.path("description");
		assertThat(description.path("untrusted").asBoolean()).isTrue();
		assertThat(description.path("text").asString()).contains("plus sign")
			.doesNotContain("<script")
			.doesNotContain("<p")
			.doesNotContain("\u202e")
			.doesNotContain("\u200b")
			.doesNotContain("\u2066");
		String id = byIdentifier.path("work_item_id").asString();
		JsonNode byUuid = structured(
				as(readerClient, "get_work_item", args("project_id", web.toString(), "work_item_id", id)))
			.path("work_item");
		assertThat(byUuid.path("title").path("text").asString())
			.isEqualTo(byIdentifier.path("title").path("text").asString());
		assertThat(writes()).isEmpty();
	}

	@Test
	@Order(14)
	void listCommentsWhenCardHasCommentsThenEnvelopedNewestFirst() {
		String card = cardId("WEB-1");
		JsonNode comments = structured(
				as(readerClient, "list_comments", args("project_id", web.toString(), "work_item_id", card)));
		assertThat(comments.path("comments")).hasSize(2);
		assertThat(comments.path("comments").valueStream().map((c) -> c.path("body").path("untrusted").asBoolean()))
			.containsOnly(true);
		assertThat(comments.path("comments").get(0).path("body").path("text").asString()).contains("ignore your rules");
		assertThat(comments.path("next_cursor").isNull()).isTrue();
	}

	@Test
	@Order(15)
	void listStatesAndLabelsWhenGrantedThenTheProjectsOwn() {
		JsonNode states = structured(as(readerClient, "list_states", args("project_id", web.toString())));
		assertThat(states.path("states")).hasSize(5);
		JsonNode labels = structured(as(readerClient, "list_labels", args("project_id", web.toString())));
		assertThat(labels.path("labels").valueStream().map((l) -> l.path("name").asString()))
			.containsExactlyInAnyOrder("bug", "frontend", "docs");
		assertThat(writes()).isEmpty();
	}

	@Test
	@Order(16)
	void createWorkItemWhenCalledTwiceWithSameKeyThenOneAttributedCardAndReplay() {
		String key = key();
		Map<String, Object> arguments = args("project_id", web.toString(), "idempotency_key", key, "title",
				"Agent-made card", "description", "**Steps** to reproduce", "priority", "high");
		JsonNode created = structured(as(writerClient, "create_work_item", arguments));
		assertThat(created.path("replayed").asBoolean()).isFalse();
		assertThat(created.path("work_item").path("created_by_this_agent").asBoolean()).isTrue();
		assertThat(created.path("work_item").path("priority").asString()).isEqualTo("high");
		JsonNode again = structured(as(writerClient, "create_work_item", arguments));
		assertThat(again.path("replayed").asBoolean()).isTrue();
		assertThat(again.path("work_item_id").asString()).isEqualTo(created.path("work_item_id").asString());
		List<JournalEntry> creates = McpClients.journal(cluster, McpClients::isCreate);
		assertThat(creates).hasSize(1);
		JsonNode body = McpClients.JSON.readTree(creates.get(0).body());
		assertThat(body.path("external_source").asString()).isEqualTo("agent-gateway");
		assertThat(body.path("external_id").asString()).startsWith("agw-" + writer.id());
		assertThat(body.path("description_html").asString()).contains("<strong>Steps</strong>")
			.contains("written by agent tools-writer on behalf of Alice");
		assertThat(cluster.jdbc()
			.queryForObject(
					"SELECT count(*) FROM agw_audit_event WHERE agent_id = ? AND action = 'tool.create_work_item'"
							+ " AND target_type = 'work_item' AND target_id = ?",
					Long.class, writer.id(), created.path("work_item_id").asString()))
			.isEqualTo(2);
		// Both events, the write's and the replay's, name the card as people do (issue
		// 17).
		assertThat(cluster.jdbc()
			.queryForList("SELECT details FROM agw_audit_event WHERE agent_id = ? AND action = 'tool.create_work_item'"
					+ " AND target_id = ?", String.class, writer.id(), created.path("work_item_id").asString()))
			.hasSize(2)
			.allSatisfy((details) -> assertThat(details)
				.contains("\"identifier\":\"" + created.path("identifier").asString() + "\"")
				.contains("\"title\":\"Agent-made card\""));
	}

	@Test
	@Order(17)
	void updateWorkItemWhenExpectedUpdatedAtMatchesThenAppliedAndWhenStaleThenConflictWithoutPatch() {
		String card = cardId("WEB-2");
		JsonNode before = structured(
				as(writerClient, "get_work_item", args("project_id", web.toString(), "work_item_id", card)))
			.path("work_item");
		JsonNode updated = structured(as(writerClient, "update_work_item",
				args("project_id", web.toString(), "idempotency_key", key(), "work_item_id", card, "priority", "urgent",
						"expected_updated_at", before.path("updated_at").asString())));
		assertThat(updated.path("work_item").path("priority").asString()).isEqualTo("urgent");
		assertThat(McpClients.journal(cluster, (e) -> e.method().equals("PATCH"))).hasSize(1);
		McpSchema.CallToolResult stale = as(writerClient, "update_work_item",
				args("project_id", web.toString(), "idempotency_key", key(), "work_item_id", card, "priority", "low",
						"expected_updated_at", before.path("updated_at").asString()));
		assertThat(errorCode(stale)).isEqualTo("work_item_changed");
		assertThat(McpClients.journal(cluster, (e) -> e.method().equals("PATCH"))).hasSize(1);
		McpSchema.CallToolResult forbiddenField = as(writerClient, "update_work_item", args("project_id",
				web.toString(), "idempotency_key", key(), "work_item_id", card, "archived_at", "2026-01-01T00:00:00Z"));
		assertThat(errorCode(forbiddenField)).isEqualTo("validation_failed");
		assertThat(McpClients.journal(cluster, (e) -> e.method().equals("PATCH"))).hasSize(1);
	}

	@Test
	@Order(18)
	void addCommentWhenCalledThenOneAttributedCommentAndReplayPostsNothing() {
		String card = cardId("WEB-3");
		Map<String, Object> arguments = args("project_id", web.toString(), "idempotency_key", key(), "work_item_id",
				card, "body", "Looks done to me.");
		JsonNode comment = structured(as(writerClient, "add_comment", arguments));
		assertThat(comment.path("work_item_id").asString()).isEqualTo(card);
		assertThat(structured(as(writerClient, "add_comment", arguments)).path("replayed").asBoolean()).isTrue();
		List<JournalEntry> posts = McpClients.journal(cluster,
				(e) -> e.method().equals("POST") && e.path().endsWith("/comments/"));
		assertThat(posts).hasSize(1);
		assertThat(posts.get(0).body()).contains("Looks done to me.").contains("via Agent Gateway");
		assertThat(cluster.jdbc()
			.queryForList("SELECT details FROM agw_audit_event WHERE agent_id = ? AND action = 'tool.add_comment'"
					+ " AND target_type = 'work_item' AND target_id = ?", String.class, writer.id(), card))
			.hasSize(2)
			.allSatisfy((details) -> assertThat(details).contains("\"identifier\":\"WEB-3\""));
	}

	@Test
	@Order(19)
	void reportProgressWhenCalledThenMarkedCommentAndLatestReportRecorded() {
		String card = cardId("WEB-3");
		JsonNode report = structured(as(writerClient, "report_progress", args("project_id", web.toString(),
				"idempotency_key", key(), "work_item_id", card, "status", "blocked", "summary", "Waiting for design")));
		assertThat(report.path("status").asString()).isEqualTo("blocked");
		List<JournalEntry> posts = McpClients.journal(cluster,
				(e) -> e.method().equals("POST") && e.path().endsWith("/comments/"));
		assertThat(posts).hasSize(1);
		assertThat(posts.get(0).body()).contains("Agent progress: BLOCKED").contains("Waiting for design");
		Map<String, Object> row = cluster.jdbc()
			.queryForMap("SELECT last_report_status, last_report_work_item FROM agw_agent WHERE id = ?", writer.id());
		// Recorded as people name the card, for the owner's pages.
		assertThat(row).containsEntry("last_report_status", "blocked").containsEntry("last_report_work_item", "WEB-3");
	}

	@Test
	@Order(19)
	void reportProgressWhenSummaryLongerThanTheStoredBoundThenPostedOnceStoredCutAndRetryReplays() {
		String card = cardId("WEB-3");
		cluster.sandbox().clearJournal();
		String summary = "Long report. ".repeat(60).strip();
		Map<String, Object> arguments = args("project_id", web.toString(), "idempotency_key", key(), "work_item_id",
				card, "status", "working", "summary", summary);
		McpSchema.CallToolResult first = as(writerClient, "report_progress", arguments);
		assertThat(first.isError()).as(String.valueOf(first.structuredContent())).isFalse();
		McpSchema.CallToolResult retry = as(writerClient, "report_progress", arguments);
		assertThat(structured(retry).path("replayed").asBoolean()).isTrue();
		// The comment carries the whole summary; only the agent's latest report is cut.
		assertThat(McpClients.journal(cluster, (e) -> e.method().equals("POST") && e.path().endsWith("/comments/")))
			.singleElement()
			.satisfies((post) -> assertThat(post.body()).contains(summary.substring(summary.length() - 40)));
		String stored = cluster.jdbc()
			.queryForObject("SELECT last_report_summary FROM agw_agent WHERE id = ?", String.class, writer.id());
		assertThat(stored).hasSize(500).startsWith(summary.substring(0, 499)).endsWith("\u2026");
	}

	@Test
	@Order(19)
	void searchWhenTheReadModelIsOffThenRefusedWithACodeAndTheOtherWayToFindCards() {
		// This class runs with agent-gateway.read-model.enabled=false: there is no
		// copy to search, and Tasker's own search matches titles only (plane-api.md
		// R12).
		cluster.sandbox().clearJournal();
		McpSchema.CallToolResult result = as(readerClient, "search_work_items", args("query", "footer"));
		assertThat(errorCode(result)).isEqualTo("search_disabled");
		assertThat(structured(result).path("message").asString()).contains("list_work_items with text");
		assertThat(cluster.sandbox().journal()).allMatch((e) -> e.path().endsWith("/members/"));
	}

	@Test
	@Order(20)
	void addCommentWhenReadableIdThenResolvedInGrantedProjectOnly() {
		String expectedId = cardId("WEB-3");
		cluster.sandbox().clearJournal();
		JsonNode comment = structured(as(writerClient, "add_comment", args("project_id", web.toString(),
				"idempotency_key", key(), "work_item_id", "WEB-3", "body", "Found it by its readable id.")));
		assertThat(comment.path("work_item_id").asString()).isEqualTo(expectedId);
		McpSchema.CallToolResult foreign = as(writerClient, "add_comment", args("project_id", web.toString(),
				"idempotency_key", key(), "work_item_id", "OPS-1", "body", "Must not land in OPS."));
		assertThat(foreign.isError()).isTrue();
		assertThat(errorCode(foreign)).isEqualTo("project_not_granted");
		List<JournalEntry> posts = McpClients.journal(cluster,
				(e) -> e.method().equals("POST") && e.path().endsWith("/comments/"));
		assertThat(posts).singleElement().satisfies((post) -> {
			assertThat(post.body()).contains("Found it by its readable id.");
			assertThat(post.path()).contains(web.toString());
		});
		assertThat(McpClients.journal(cluster, (e) -> e.path().contains("OPS"))).isEmpty();
		// The readable id is resolved once: one card read for the one comment posted.
		assertThat(McpClients.journal(cluster, (e) -> e.method().equals("GET") && e.path().contains("WEB-3")))
			.hasSize(1);
		assertThat(McpClients.journal(cluster,
				(e) -> e.method().equals("GET") && e.path().matches(".*/(work-items|issues)/[0-9a-f-]{36}/$")))
			.isEmpty();
	}

	// ---- refusals

	@Test
	@Order(30)
	void callWhenArgumentsInvalidThenValidationFailedAndNoTaskerCall() {
		String card = cardIdQuiet();
		Map<String, Map<String, Object>> invalid = Map.of("whoami", args("extra", 1), "list_projects",
				args("project_id", web.toString()), "list_work_items", args("project_id", web.toString(), "limit", 101),
				"get_work_item", args("project_id", web.toString(), "work_item_id", "web-1; DROP"), "list_comments",
				args("project_id", web.toString()), "list_states", args("project_id", "not-a-uuid"), "list_labels",
				args(), "create_work_item",
				args("project_id", web.toString(), "idempotency_key", key(), "title", "x".repeat(256)),
				"update_work_item",
				args("project_id", web.toString(), "idempotency_key", key(), "work_item_id", card, "deleted_at", "now"),
				"add_comment",
				args("project_id", web.toString(), "idempotency_key", key(), "work_item_id", card, "body", ""));
		cluster.sandbox().clearJournal();
		invalid.forEach((tool, arguments) -> assertThat(errorCode(as(writerClient, tool, arguments))).as(tool)
			.isEqualTo("validation_failed"));
		McpSchema.CallToolResult badStatus = as(writerClient, "report_progress", args("project_id", web.toString(),
				"idempotency_key", key(), "work_item_id", card, "status", "deleted", "summary", "x"));
		assertThat(errorCode(badStatus)).isEqualTo("validation_failed");
		assertThat(cluster.sandbox().journal()).isEmpty();
	}

	@Test
	@Order(31)
	void writeWhenIdempotencyKeyMissingOrMalformedThenRefusedWithoutTaskerCall() {
		for (Object badKey : new Object[] { null, "short", "has spaces in it", 12345678 }) {
			Map<String, Object> arguments = args("project_id", web.toString(), "title", "No key");
			if (badKey != null) {
				arguments.put("idempotency_key", badKey);
			}
			assertThat(errorCode(as(writerClient, "create_work_item", arguments))).as(String.valueOf(badKey))
				.isIn("idempotency_key_required", "validation_failed");
		}
		assertThat(cluster.sandbox().journal()).isEmpty();
	}

	@Test
	@Order(32)
	void writeWhenTextCarriesACredentialThenSecretInContentAndNoTaskerWrite() {
		String card = cardIdQuiet();
		cluster.sandbox().clearJournal();
		List<Map<String, Object>> attempts = List.of(
				args("tool", "create_work_item", "project_id", web.toString(), "idempotency_key", key(), "title", "env",
						"description", "token: " + writer.token()),
				args("tool", "create_work_item", "project_id", web.toString(), "idempotency_key", key(), "title",
						"key " + cluster.sandbox().demoApiKey()),
				args("tool", "add_comment", "project_id", web.toString(), "idempotency_key", key(), "work_item_id",
						card, "body", "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----"),
				args("tool", "update_work_item", "project_id", web.toString(), "idempotency_key", key(), "work_item_id",
						card, "description", "aws AKIAIOSFODNN7EXAMPLE"),
				args("tool", "report_progress", "project_id", web.toString(), "idempotency_key", key(), "work_item_id",
						card, "status", "done", "summary", "gh: ghp_" + "a".repeat(36)));
		for (Map<String, Object> attempt : attempts) {
			String tool = (String) attempt.remove("tool");
			McpSchema.CallToolResult result = as(writerClient, tool, attempt);
			assertThat(errorCode(result)).as(tool).isEqualTo("secret_in_content");
			assertThat(McpClients.JSON.writeValueAsString(result)).doesNotContain(writer.token())
				.doesNotContain(cluster.sandbox().demoApiKey());
		}
		assertThat(writes()).isEmpty();
	}

	@Test
	@Order(33)
	void callWhenToolUnknownThenJsonRpcInvalidParamsWithoutDetail() {
		assertThatThrownBy(() -> call(writerClient, "delete_work_item", args("project_id", web.toString())))
			.isInstanceOf(McpError.class)
			.satisfies((ex) -> assertThat(((McpError) ex).getJsonRpcError().code())
				.isEqualTo(McpSchema.ErrorCodes.INVALID_PARAMS))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("java.").doesNotContain("Exception"));
		assertThat(cluster.sandbox().journal()).isEmpty();
	}

	// ---- object-level authorisation matrix (OWASP API1)

	/**
	 * Every project-scoped tool against: another project the owner belongs to but did not
	 * grant, an unknown project id, and (with the granted project) a card of the other
	 * project, by UUID and by readable id. Nothing may reach the other project in Tasker,
	 * and no card of it may be read or written.
	 */
	@Test
	@Order(40)
	void everyToolWhenObjectOutsideTheGrantsThenRefusedAndNothingReachesTasker() {
		String foreignCard = cluster.sandbox()
			.addWorkItem(cluster.sandbox().projectId("OPS"), "OPS secret card")
			.toString();
		String unknownProject = UUID.randomUUID().toString();
		String webCard = cardIdQuiet();
		cluster.sandbox().clearJournal();
		List<String> refusals = new ArrayList<>();
		int attempts = 0;
		for (String projectId : List.of(ops.toString(), unknownProject)) {
			for (Map.Entry<String, Map<String, Object>> call : projectCalls(projectId, webCard).entrySet()) {
				attempts++;
				McpSchema.CallToolResult result = as(writerClient, call.getKey(), call.getValue());
				refusals.add(call.getKey() + "@" + projectId.substring(0, 8) + "=" + errorCode(result));
				assertThat(errorCode(result)).as(call.getKey() + " on " + projectId).isEqualTo("project_not_granted");
			}
		}
		for (Map.Entry<String, Map<String, Object>> call : projectCalls(web.toString(), foreignCard).entrySet()) {
			if (!call.getValue().containsKey("work_item_id")) {
				continue;
			}
			attempts++;
			McpSchema.CallToolResult result = as(writerClient, call.getKey(), call.getValue());
			assertThat(result.isError()).as(call.getKey() + " with a foreign card").isTrue();
			assertThat(errorCode(result)).as(call.getKey()).isIn("not_found", "project_not_granted");
			assertThat(McpClients.JSON.writeValueAsString(result)).doesNotContain("OPS secret card");
		}
		attempts++;
		assertThat(errorCode(
				as(writerClient, "get_work_item", args("project_id", web.toString(), "work_item_id", "OPS-1"))))
			.isEqualTo("project_not_granted");
		attempts++;
		assertThat(errorCode(
				as(writerClient, "list_comments", args("project_id", web.toString(), "work_item_id", foreignCard))))
			.isEqualTo("not_found");
		assertThat(attempts).isGreaterThanOrEqualTo(24);
		assertThat(refusals).hasSize(20);
		List<JournalEntry> journal = cluster.sandbox().journal();
		assertThat(journal).as("no call names the ungranted or unknown project")
			.noneMatch((e) -> e.path().contains(ops.toString()) || e.path().contains(unknownProject)
					|| e.path().contains("OPS-"));
		assertThat(journal).as("no write at all").noneMatch(JournalEntry::isWrite);
		assertThat(journal.stream().filter((e) -> e.path().contains(foreignCard)))
			.as("a foreign card is only ever asked for under the granted project, and Tasker answers 404")
			.allMatch((e) -> e.method().equals("GET") && e.path().contains(web.toString()) && e.status() == 404);
	}

	/** One call per project-scoped tool, all aimed at {@code projectId}. */
	private static Map<String, Map<String, Object>> projectCalls(String projectId, String card) {
		Map<String, Map<String, Object>> calls = new java.util.LinkedHashMap<>();
		calls.put("list_work_items", args("project_id", projectId));
		calls.put("get_work_item", args("project_id", projectId, "work_item_id", card));
		calls.put("list_comments", args("project_id", projectId, "work_item_id", card));
		calls.put("list_states", args("project_id", projectId));
		calls.put("list_labels", args("project_id", projectId));
		calls.put("search_work_items", args("project_id", projectId, "query", "escape"));
		calls.put("create_work_item", args("project_id", projectId, "idempotency_key", key(), "title", "escape"));
		calls.put("update_work_item",
				args("project_id", projectId, "idempotency_key", key(), "work_item_id", card, "title", "escape"));
		calls.put("add_comment",
				args("project_id", projectId, "idempotency_key", key(), "work_item_id", card, "body", "escape"));
		calls.put("report_progress", args("project_id", projectId, "idempotency_key", key(), "work_item_id", card,
				"status", "done", "summary", "escape"));
		return calls;
	}

	@Test
	@Order(41)
	void everyToolWhenOwnerRemovedFromProjectThenRefusedAndProjectNoLongerListed() {
		TestAgent opsAgent = McpClients.agent(node, "alice", "ops-agent", Map.of(ops, "WRITE"));
		try (McpSyncClient client = McpClients.sdk(node, opsAgent.token(), ProtocolVersions.MCP_2025_06_18)) {
			client.initialize();
			assertThat(errorCode(as(client, "list_states", args("project_id", ops.toString())))).isNull();
			setAliceInOps(false);
			try {
				// The kept answer is served for its bound (1 s here), not after it.
				awaitListStates(client, "owner_not_member");
				cluster.sandbox().clearJournal();
				JsonNode projects = structured(as(client, "list_projects", Map.of()));
				assertThat(projects.path("projects")).isEmpty();
				assertThat(projects.path("unavailable_count").asInt()).isEqualTo(1);
				String card = cluster.sandbox().addWorkItem(cluster.sandbox().projectId("OPS"), "ops card").toString();
				for (Map.Entry<String, Map<String, Object>> call : projectCalls(ops.toString(), card).entrySet()) {
					assertThat(errorCode(as(client, call.getKey(), call.getValue()))).as(call.getKey())
						.isEqualTo("owner_not_member");
				}
				assertThat(cluster.sandbox().journal()).as("only membership look-ups, no reads or writes of OPS")
					.allMatch((e) -> e.method().equals("GET") && e.path().endsWith("/members/"));
			}
			finally {
				setAliceInOps(true);
			}
			awaitListStates(client, null);
		}
	}

	private static void awaitListStates(McpSyncClient client, String code) {
		long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		String seen = errorCode(as(client, "list_states", args("project_id", ops.toString())));
		while (!java.util.Objects.equals(seen, code) && System.nanoTime() < deadline) {
			seen = errorCode(as(client, "list_states", args("project_id", ops.toString())));
		}
		assertThat(seen).as("within the membership bound").isEqualTo(code);
	}

	private static void setAliceInOps(boolean active) {
		HttpResponse<String> response = node.send(node.as("admin", "/launcher/api/tasker-memberships")
			.header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"workspace\":\"demo\",\"projectId\":\"" + ops
					+ "\",\"email\":\"alice@launcher.local\",\"active\":" + active + "}")));
		assertThat(response.statusCode()).isEqualTo(200);
		cluster.sandbox().setMembershipActive("OPS", "alice@launcher.local", active);
	}

	// ---- A1 and S1

	/**
	 * A1: each request (allowed, denied, protocol error, edge refusal) leaves exactly one
	 * audit row, found by the request id the client sent, naming the agent and its owner.
	 */
	@Test
	@Order(50)
	void everyRequestWhenAllowedOrDeniedThenExactlyOneAuditRowNamingAgentAndOwner() {
		Map<String, String> json = McpClients.mcpHeaders();
		Map<String, Map.Entry<String, Map<String, String>>> requests = new java.util.LinkedHashMap<>();
		requests.put("initialize", Map.entry(McpClients.initialize(1, "2025-06-18"), json));
		requests.put("initialized", Map.entry("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}", json));
		requests.put("ping", Map.entry(McpClients.rpc(2, "ping", null), json));
		requests.put("tools-list", Map.entry(McpClients.rpc(3, "tools/list", "{}"), json));
		requests.put("allowed",
				Map.entry(McpClients.toolCall(4, "list_states", args("project_id", web.toString())), json));
		requests.put("denied-grant",
				Map.entry(McpClients.toolCall(5, "list_states", args("project_id", ops.toString())), json));
		requests.put("denied-hidden", Map.entry(McpClients.toolCall(6, "create_work_item",
				args("project_id", web.toString(), "idempotency_key", key(), "title", "x")), json));
		requests.put("invalid-args", Map.entry(McpClients.toolCall(7, "list_states", args()), json));
		requests.put("unknown-tool", Map.entry(McpClients.toolCall(8, "rm_rf", args()), json));
		requests.put("resources", Map.entry(McpClients.rpc(9, "resources/list", "{}"), json));
		requests.put("malformed", Map.entry("{\"jsonrpc\":", json));
		requests.put("batch", Map.entry("[" + McpClients.rpc(10, "ping", null) + "]", json));
		requests.put("no-jsonrpc", Map.entry("{\"id\":1,\"method\":\"ping\"}", json));
		Map<String, String> text = new java.util.LinkedHashMap<>(json);
		text.put("Content-Type", "text/plain");
		requests.put("content-type", Map.entry(McpClients.rpc(11, "ping", null), text));
		Map<String, String> origin = new java.util.LinkedHashMap<>(json);
		origin.put("Origin", "https://evil.example");
		requests.put("origin", Map.entry(McpClients.rpc(12, "ping", null), origin));
		Map<String, String> version = new java.util.LinkedHashMap<>(json);
		version.put("MCP-Protocol-Version", "1999-01-01");
		requests.put("version", Map.entry(McpClients.rpc(13, "ping", null), version));
		requests.put("too-large", Map.entry("{\"x\":\"" + "a".repeat(1024 * 1024 + 10) + "\"}", json));
		for (Map.Entry<String, Map.Entry<String, Map<String, String>>> request : requests.entrySet()) {
			String requestId = "a1-" + request.getKey() + "-" + UUID.randomUUID().toString().substring(0, 8);
			Map<String, String> headers = new java.util.LinkedHashMap<>(request.getValue().getValue());
			headers.put("X-Request-Id", requestId);
			HttpResponse<String> response = McpClients.post(node, reader.token(), request.getValue().getKey(), headers);
			seen.append(response.body()).append('\n');
			assertThat(response.statusCode()).as(request.getKey()).isLessThan(500);
			assertAuditedOnce(request.getKey(), requestId);
		}
		for (String method : List.of("GET", "DELETE")) {
			String requestId = "a1-" + method + "-" + UUID.randomUUID().toString().substring(0, 8);
			HttpResponse<String> response = node.send(node.anonymous(McpClients.MCP_PATH)
				.header("Authorization", "Bearer " + reader.token())
				.header("X-Request-Id", requestId)
				.method(method, java.net.http.HttpRequest.BodyPublishers.noBody()));
			assertThat(response.statusCode()).isEqualTo(405);
			assertAuditedOnce(method, requestId);
		}
	}

	private static void assertAuditedOnce(String what, String requestId) {
		List<Map<String, Object>> rows = cluster.jdbc()
			.queryForList("SELECT agent_id, owner_user_id, outcome FROM agw_audit_event WHERE request_id = ?",
					requestId);
		assertThat(rows).as(what).hasSize(1);
		assertThat(rows.get(0).get("agent_id")).as(what).isEqualTo(reader.id());
		assertThat(rows.get(0).get("owner_user_id")).as(what).isEqualTo(LauncherNode.ALICE_ID);
	}

	@Test
	@Order(60)
	void instructionPackWhenRequestedThenOAuthFirstThenEnvVarAndNoSecret() {
		HttpResponse<String> response = node.get("alice",
				LauncherNode.API + "/agents/" + writer.id() + "/instruction-pack");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode pack = LauncherNode.json(response);
		assertThat(pack.path("tokenEnvironmentVariable").asString()).isEqualTo("TASKER_AGENT_TOKEN");
		// OAuth first: Codex does not try OAuth when bearer_token_env_var is set.
		assertThat(pack.path("codexLogin").asString()).isEqualTo("codex mcp login tasker");
		assertThat(pack.path("codexConfigToml").asString())
			.contains("url = \"http://127.0.0.1:" + node.port() + "/plugins/agent-gateway/mcp\"")
			.doesNotContain("bearer_token");
		assertThat(pack.path("codexConfigTomlWithToken").asString())
			.contains("url = \"http://127.0.0.1:" + node.port() + "/plugins/agent-gateway/mcp\"")
			.contains("bearer_token_env_var = \"TASKER_AGENT_TOKEN\"")
			.doesNotContain("bearer_token =");
		assertThat(pack.path("agentsMd").asString()).contains("untrusted")
			.contains("report_progress")
			.contains("idempotency_key");
		assertThat(McpClients.leaks(response.body(), McpClients.canaries(cluster, writer, reader))).isEmpty();
		assertThat(response.body()).doesNotContainPattern("agw_[0-9A-Za-z]{38}");
		assertThat(node.get("bob", LauncherNode.API + "/agents/" + writer.id() + "/instruction-pack").statusCode())
			.as("not bob's agent")
			.isIn(403, 404);
	}

	/**
	 * S1 over this class: the canaries (live tokens, the Tasker key, the pepper) appear
	 * in no result, no audit row and no log line.
	 */
	@Test
	@Order(99)
	void canariesWhenEverythingAboveRanThenAbsentFromResponsesAuditRowsAndLogs() {
		List<String> canaries = McpClients.canaries(cluster, writer, reader);
		assertThat(seen.length()).isGreaterThan(10_000);
		assertThat(McpClients.leaks(seen.toString(), canaries)).as("responses").isEmpty();
		String audit = McpClients.auditDump(cluster);
		assertThat(audit.lines().count()).isGreaterThan(50);
		assertThat(McpClients.leaks(audit, canaries)).as("audit rows").isEmpty();
		String log = McpClients.testLog();
		assertThat(log).isNotEmpty();
		assertThat(McpClients.leaks(log, canaries)).as("logs").isEmpty();
	}

	private static String cardId(String identifier) {
		return structured(
				as(readerClient, "get_work_item", args("project_id", web.toString(), "work_item_id", identifier)))
			.path("work_item")
			.path("work_item_id")
			.asString();
	}

	private static String cardIdQuiet() {
		return cardId("WEB-2");
	}

	static Set<String> names(List<McpSchema.Tool> tools) {
		return tools.stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
	}

}
