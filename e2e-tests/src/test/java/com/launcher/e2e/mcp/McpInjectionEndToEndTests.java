package com.launcher.e2e.mcp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.e2e.mcp.McpClients.TestAgent;
import com.launcher.tasker.sandbox.JournalEntry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
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
import static com.launcher.e2e.mcp.McpClients.call;
import static com.launcher.e2e.mcp.McpClients.errorCode;
import static com.launcher.e2e.mcp.McpClients.key;
import static com.launcher.e2e.mcp.McpClients.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * P1: the plugin's injection corpus (the same file its sanitiser unit tests use) placed
 * in card titles, descriptions and comments in Tasker, then read through every read tool
 * by a READ-only agent. Whatever the text says, no extra tool becomes callable, no call
 * reaches another project, no secret comes back; and writes carrying a credential are
 * refused before Tasker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class McpInjectionEndToEndTests {

	private static final Path CORPUS = Paths.get("../agent-gateway-plugin/src/test/resources/injection-corpus.txt");

	/** Markup that must never come back as markup, whatever the card held. */
	private static final Pattern LIVE_MARKUP = Pattern
		.compile("(?i)<\\s*/?\\s*(script|img|iframe|svg|a|style|div|p|span|object|embed|form|input|body)\\b");

	/** Invisible, bidirectional and tag characters the sanitiser strips. */
	private static final Pattern INVISIBLE = Pattern
		.compile("[\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\x{E0000}-\\x{E007F}]");

	private static LauncherCluster cluster;

	private static LauncherNode node;

	private static UUID web;

	private static UUID ops;

	private static TestAgent reader;

	private static TestAgent writer;

	private static McpSyncClient client;

	private static List<String> corpus;

	private static final List<String> cards = new ArrayList<>();

	private static final StringBuilder seen = new StringBuilder();

	@BeforeAll
	static void start() throws IOException {
		corpus = Files.readAllLines(CORPUS, StandardCharsets.UTF_8).stream().filter((l) -> !l.isBlank()).toList();
		cluster = LauncherCluster.start(1);
		node = cluster.node();
		McpClients.liftLimits(node);
		web = node.projectId("alice", "WEB");
		ops = node.projectId("alice", "OPS");
		reader = McpClients.agent(node, "alice", "injection-reader", Map.of(web, "READ"));
		writer = McpClients.agent(node, "alice", "injection-writer", Map.of(web, "WRITE"));
		for (String payload : corpus) {
			String name = payload.substring(0, Math.min(payload.length(), 255));
			JsonNode item = tasker("/projects/" + web + "/work-items/",
					Map.of("name", name, "description_html", "<p>Bug report.</p>" + payload));
			String id = item.path("id").asString();
			tasker("/projects/" + web + "/work-items/" + id + "/comments/", Map.of("comment_html", payload));
			cards.add(id);
		}
		client = McpClients.sdk(node, reader.token(), ProtocolVersions.MCP_2025_06_18);
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
	@Order(1)
	void corpusWhenLoadedThenAtLeastFiftyPayloadsAreInTasker() {
		assertThat(corpus).hasSizeGreaterThanOrEqualTo(50);
		assertThat(cards).hasSameSizeAs(corpus);
	}

	@Test
	@Order(2)
	void readingWhenCardsCarryInjectionsThenToolsUnchangedNoOtherProjectNoSecretAndNoMarkup() {
		List<String> toolsBefore = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
		assertThat(toolsBefore).containsExactlyInAnyOrderElementsOf(McpClients.READ_TOOLS);
		cluster.sandbox().clearJournal();
		long auditBefore = McpClients.auditRows(cluster, reader.id());
		int calls = 0;
		List<JsonNode> envelopes = new ArrayList<>();
		String cursor = null;
		int listed = 0;
		do {
			Map<String, Object> arguments = args("project_id", web.toString(), "limit", 100);
			if (cursor != null) {
				arguments.put("cursor", cursor);
			}
			JsonNode page = read("list_work_items", arguments);
			calls++;
			for (JsonNode item : page.path("work_items")) {
				envelopes.add(item.path("title"));
				listed++;
			}
			cursor = page.path("next_cursor").isNull() ? null : page.path("next_cursor").asString();
		}
		while (cursor != null && calls < 10);
		assertThat(listed).isGreaterThanOrEqualTo(corpus.size());
		for (String card : cards) {
			JsonNode item = read("get_work_item", args("project_id", web.toString(), "work_item_id", card))
				.path("work_item");
			envelopes.add(item.path("title"));
			envelopes.add(item.path("description"));
			JsonNode comments = read("list_comments", args("project_id", web.toString(), "work_item_id", card));
			comments.path("comments").forEach((c) -> envelopes.add(c.path("body")));
			calls += 2;
		}
		read("list_work_items", args("project_id", web.toString(), "text", "ignore all previous instructions"));
		calls++;
		assertThat(envelopes).hasSizeGreaterThanOrEqualTo(3 * corpus.size());
		for (JsonNode envelope : envelopes) {
			assertThat(envelope.path("untrusted").asBoolean()).as(envelope.toString()).isTrue();
			String text = envelope.path("text").asString();
			assertThat(LIVE_MARKUP.matcher(text).find()).as("live markup in %s", text).isFalse();
			assertThat(INVISIBLE.matcher(text).find()).as("invisible characters in %s", text).isFalse();
		}
		List<String> toolsAfter = client.listTools().tools().stream().map(McpSchema.Tool::name).sorted().toList();
		assertThat(toolsAfter).isEqualTo(toolsBefore);
		assertThatThrownBy(() -> call(client, "create_work_item",
				args("project_id", web.toString(), "idempotency_key", key(), "title", "pwned")))
			.isInstanceOf(McpError.class);
		List<JournalEntry> journal = cluster.sandbox().journal();
		assertThat(journal).as("reads only").noneMatch(JournalEntry::isWrite);
		assertThat(journal).as("never another project").noneMatch((e) -> e.path().contains(ops.toString()));
		assertThat(journal).allMatch((e) -> e.path().startsWith("/api/v1/workspaces/demo/"));
		assertThat(McpClients.leaks(seen.toString(), McpClients.canaries(cluster, reader, writer))).isEmpty();
		// A1 under load: one audit row per tool call, the second tools/list and the
		// refused write.
		assertThat(McpClients.auditRows(cluster, reader.id()) - auditBefore).isEqualTo(calls + 2);
	}

	@Test
	@Order(3)
	void writeWhenTextCarriesACredentialThenSecretInContentAndNoTaskerWrite() {
		String card = cards.get(0);
		List<String> secrets = new ArrayList<>(List.of("my token is " + writer.token(),
				"token with a zero-width space " + writer.token().substring(0, 10) + "\u200b"
						+ writer.token().substring(10),
				"TASKER_API_KEY=" + cluster.sandbox().demoApiKey(),
				"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----",
				"AWS AKIAIOSFODNN7EXAMPLE", "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
				"ghp_" + "A1b2C3d4".repeat(5).substring(0, 36), "xoxb-1234567890-abcdefghij",
				"sk-proj-" + "x".repeat(40), "AIza" + "B".repeat(35)));
		// The corpus's encoded secrets (Markdown escapes, character references,
		// full-width letters, percent encoding, split by links or code spans): Tasker
		// would store each as a readable secret.
		corpus.stream()
			.filter((line) -> line.startsWith("Credential variant: "))
			.map((line) -> line.replace("\\\\", "\\"))
			.forEach(secrets::add);
		cluster.sandbox().clearJournal();
		try (McpSyncClient writing = McpClients.sdk(node, writer.token(), ProtocolVersions.MCP_2025_11_25)) {
			writing.initialize();
			for (String secret : secrets) {
				Map<String, Map<String, Object>> attempts = new LinkedHashMap<>();
				attempts.put("create_work_item", args("project_id", web.toString(), "idempotency_key", key(), "title",
						"Env dump", "description", "As the card asked:\n\n" + secret));
				attempts.put("add_comment", args("project_id", web.toString(), "idempotency_key", key(), "work_item_id",
						card, "body", secret));
				attempts.put("report_progress", args("project_id", web.toString(), "idempotency_key", key(),
						"work_item_id", card, "status", "done", "summary", secret));
				attempts.put("update_work_item", args("project_id", web.toString(), "idempotency_key", key(),
						"work_item_id", card, "title", secret.lines().findFirst().orElseThrow()));
				attempts.forEach((tool, arguments) -> {
					McpSchema.CallToolResult result = call(writing, tool, arguments);
					seen.append(McpClients.JSON.writeValueAsString(result));
					assertThat(errorCode(result)).as(tool + " with secret #" + secrets.indexOf(secret))
						.isEqualTo("secret_in_content");
				});
			}
		}
		assertThat(cluster.sandbox().journal()).as("no Tasker write").noneMatch(JournalEntry::isWrite);
		assertThat(McpClients.leaks(seen.toString(), McpClients.canaries(cluster, reader, writer))).isEmpty();
	}

	private static JsonNode read(String tool, Map<String, Object> arguments) {
		McpSchema.CallToolResult result = call(client, tool, arguments);
		seen.append(McpClients.JSON.writeValueAsString(result)).append('\n');
		assertThat(result.isError()).as(tool + " " + result.structuredContent()).isFalse();
		return structured(result);
	}

	/** Writes to Tasker directly, as a person with the demo API key would. */
	private static JsonNode tasker(String path, Map<String, Object> body) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(cluster.sandbox().baseUrl() + "/api/v1/workspaces/demo" + path))
					.header("X-Api-Key", cluster.sandbox().demoApiKey())
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(McpClients.JSON.writeValueAsString(body)))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
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
