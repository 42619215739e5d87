package com.launcher.e2e.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.TaskerSandbox;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The peer of issue 15: Plane's own MCP server ({@code @makeplane/plane-mcp-server}) over
 * stdio, driven by the official MCP Java client against the Tasker sandbox (demo seed),
 * doing the agent-task suite's eight tasks the shortest way its tools allow, as alice
 * with her own Plane key, and counting what each costs the model: tool calls and the
 * bytes of the results' text content. Also the bytes of its {@code tools/list} answer,
 * read raw from its stdout.
 * <p>
 * Not a test CI runs (it needs npm): it installs nothing, and is skipped unless the
 * package was installed as docs/BENCHMARKS.md says; its figures are printed for that
 * page.
 */
class PlaneMcpPeerBenchmark {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Where docs/BENCHMARKS.md's {@code npm install} puts the package. */
	private static final Path INSTALLED = Path.of(System.getProperty("plane.mcp.dir", "target/plane-mcp"));

	private final List<String> rows = new ArrayList<>();

	@Test
	void measure() throws Exception {
		Path entry = entry();
		assumeTrue(entry != null, "the peer is not installed (docs/BENCHMARKS.md, Agent tasks)");
		try (TaskerSandbox sandbox = TaskerSandbox
			.start(SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)))) {
			Map<String, String> env = new LinkedHashMap<>();
			env.put("PLANE_API_HOST_URL", sandbox.baseUrl().toString());
			env.put("PLANE_API_KEY", sandbox.issueApiKey("alice@launcher.local"));
			env.put("PLANE_WORKSPACE_SLUG", sandbox.workspace());
			this.rows.add("tools/list: " + rawToolsList(entry, env) + " bytes");
			ServerParameters server = ServerParameters.builder("node").args(entry.toString()).env(env).build();
			try (McpSyncClient client = McpClient.sync(new StdioClientTransport(server, new JacksonMcpJsonMapper(JSON)))
				.requestTimeout(Duration.ofSeconds(30))
				.build()) {
				client.initialize();
				runTasks(client);
			}
		}
		System.out.println("| task | tool calls | bytes read | tools |\n" + String.join("\n", this.rows));
	}

	private void runTasks(McpSyncClient client) {
		Meter read = new Meter(client);
		JsonNode web1 = read.call("get_issue_using_readable_identifier",
				Map.of("project_identifier", "WEB", "issue_identifier", "1"));
		assertThat(web1.path("sequence_id").asInt()).isEqualTo(1);
		row(read, "read WEB-1");

		Meter move = new Meter(client);
		JsonNode card = move.call("get_issue_using_readable_identifier",
				Map.of("project_identifier", "WEB", "issue_identifier", "1"));
		String project = card.path("project").asString();
		JsonNode states = move.call("list_states", Map.of("project_id", project));
		String inProgress = idNamed(states, "In Progress");
		move.call("update_issue", Map.of("project_id", project, "issue_id", card.path("id").asString(), "issue_data",
				Map.of("state", inProgress)));
		row(move, "move WEB-1 to In Progress");

		// 0.1.5 has no search tool: list every project's cards and read the names (the
		// descriptions are not in the list, so only titles can be searched at all).
		Meter find = new Meter(client);
		int matches = 0;
		for (JsonNode p : find.call("get_projects", Map.of())) {
			for (JsonNode issue : find.call("list_project_issues", Map.of("project_id", p.path("id").asString()))
				.path("results")) {
				matches += issue.path("name").asString().toLowerCase(java.util.Locale.ROOT).contains("footer") ? 1 : 0;
			}
		}
		assertThat(matches).isEqualTo(1);
		row(find, "find cards about footer (titles only)");

		// No tool takes an assignee or state filter, and list_project_issues returns
		// neither assignees nor state names: "my open cards" cannot be told apart.
		this.rows.add("| my open cards in WEB | cannot | - | list_project_issues has no assignee in its results |");

		Meter comment = new Meter(client);
		JsonNode web2 = comment.call("get_issue_using_readable_identifier",
				Map.of("project_identifier", "WEB", "issue_identifier", "2"));
		comment.call("add_issue_comment", Map.of("project_id", web2.path("project").asString(), "issue_id",
				web2.path("id").asString(), "comment_html", "<p>Looked at it.</p>"));
		row(comment, "comment on WEB-2");

		Meter report = new Meter(client);
		JsonNode again = report.call("get_issue_using_readable_identifier",
				Map.of("project_identifier", "WEB", "issue_identifier", "1"));
		report.call("add_issue_comment", Map.of("project_id", again.path("project").asString(), "issue_id",
				again.path("id").asString(), "comment_html", "<p>Status: started. Reproducing.</p>"));
		row(report, "report progress on WEB-1 (a plain comment)");

		Meter create = new Meter(client);
		String webId = projectId(create.call("get_projects", Map.of()), "WEB");
		JsonNode labels = create.call("list_labels", Map.of("project_id", webId));
		create.call("create_issue",
				Map.of("project_id", webId, "issue_data", Map.of("name", "Broken link", "description_html", "<p></p>",
						"labels", List.of(idNamed(labels, "bug"), idNamed(labels, "frontend")))));
		row(create, "create a card labelled bug, frontend");

		Meter page = new Meter(client);
		String opsId = projectId(page.call("get_projects", Map.of()), "OPS");
		JsonNode ops = page.call("list_project_issues", Map.of("project_id", opsId));
		assertThat(ops.path("results").size()).isEqualTo(2);
		row(page, "page through OPS (one answer, no paging)");
	}

	private void row(Meter meter, String task) {
		this.rows.add(String.format("| %s | %d | %d | %s |", task, meter.tools.size(), meter.bytes,
				String.join(", ", meter.tools)));
	}

	/** The UUID of the project with this identifier in get_projects' answer. */
	private static String projectId(JsonNode projects, String identifier) {
		for (JsonNode p : projects) {
			if (p.path("identifier").asString().equals(identifier)) {
				return p.path("id").asString();
			}
		}
		throw new AssertionError("no project " + identifier);
	}

	/** The id of the item named so in a list answer (a plain array or Plane's page). */
	private static String idNamed(JsonNode answer, String name) {
		JsonNode items = answer.has("results") ? answer.path("results") : answer;
		for (JsonNode item : items) {
			if (item.path("name").asString().equalsIgnoreCase(name)) {
				return item.path("id").asString();
			}
		}
		throw new AssertionError("no " + name + " in " + answer);
	}

	/** The package's entry script, from its package.json "bin", or null when absent. */
	private static Path entry() throws Exception {
		Path pkg = INSTALLED.resolve("node_modules/@makeplane/plane-mcp-server");
		if (!Files.isRegularFile(pkg.resolve("package.json"))) {
			return null;
		}
		JsonNode manifest = JSON.readTree(Files.readString(pkg.resolve("package.json")));
		JsonNode bin = manifest.path("bin");
		String script = bin.isString() ? bin.asString() : bin.properties().iterator().next().getValue().asString();
		return pkg.resolve(script).toAbsolutePath().normalize();
	}

	/**
	 * The bytes of the peer's {@code tools/list} answer as it wrote them: initialize,
	 * initialized, tools/list over stdio, one JSON-RPC message a line.
	 */
	private static int rawToolsList(Path entry, Map<String, String> env) throws Exception {
		ProcessBuilder builder = new ProcessBuilder("node", entry.toString())
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().putAll(env);
		Process process = builder.start();
		try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
				BufferedReader out = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			in.write("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
					+ "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}\n");
			in.flush();
			out.readLine();
			in.write("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
					+ "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\",\"params\":{}}\n");
			in.flush();
			String line = out.readLine();
			return line.getBytes(StandardCharsets.UTF_8).length;
		}
		finally {
			process.destroy();
		}
	}

	/** What one task costs the model through the peer: calls, and result text bytes. */
	private static final class Meter {

		private final McpSyncClient client;

		private final List<String> tools = new ArrayList<>();

		private long bytes;

		Meter(McpSyncClient client) {
			this.client = client;
		}

		JsonNode call(String tool, Map<String, Object> arguments) {
			McpSchema.CallToolResult result = this.client
				.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
			this.tools.add(tool);
			StringBuilder text = new StringBuilder();
			for (McpSchema.Content content : result.content()) {
				if (content instanceof McpSchema.TextContent t) {
					this.bytes += t.text().getBytes(StandardCharsets.UTF_8).length;
					text.append(t.text());
				}
			}
			if (Boolean.TRUE.equals(result.isError())) {
				throw new AssertionError(tool + " failed: " + text);
			}
			return JSON.readTree(text.toString());
		}

	}

}
