package com.launcher.e2e.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.e2e.LauncherNode;
import com.launcher.tasker.sandbox.SandboxOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit stream in the built plugin (issue 18 point 4): events go to the configured
 * JSON Lines file; while the streaming node's plugin is stopped another node (not
 * streaming) makes more events; once the plugin runs again the file catches up. The file
 * then holds every position once, in order (a batch the cursor had not acknowledged may
 * come twice, never more), and the links continue from line to line.
 */
class AuditStreamEndToEndTests {

	private static final int BATCH = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static LauncherCluster cluster;

	private static LauncherNode streaming;

	private static JdbcTemplate jdbc;

	private static Path file;

	@BeforeAll
	static void start() throws IOException {
		Path folder = Files
			.createDirectories(Paths.get(System.getProperty("e2e.workDir", "target/e2e-work"),
					"audit-stream-" + ProcessHandle.current().pid()))
			.toAbsolutePath();
		file = folder.resolve("siem").resolve("agent-gateway-audit.jsonl");
		Files.deleteIfExists(file);
		cluster = LauncherCluster.start(1, SandboxOptions.forTests().withRateLimit(1_000_000, Duration.ofMinutes(1)),
				Map.of("agent-gateway.audit.stream.file", file.toString(), "agent-gateway.audit.stream.interval",
						"200ms", "agent-gateway.audit.stream.batch", BATCH));
		streaming = cluster.node();
		jdbc = cluster.jdbc();
	}

	@AfterAll
	static void stop() {
		cluster.close();
	}

	@Test
	void streamWhenThePluginStopsAndOtherNodesGoOnThenTheFileCatchesUpWithEveryPositionInOrder() throws Exception {
		for (int i = 0; i < 5; i++) {
			streaming.createAgent("alice", "stream-" + i);
		}
		awaitFileAtHead();

		assertThat(streaming.post("admin", "/launcher/api/plugins/agent-gateway/stop", null).statusCode())
			.isEqualTo(200);
		LauncherNode other = cluster.addNode(List.of(LauncherCluster.pluginZip()),
				Map.of("agent-gateway.audit.stream.file", ""));
		long before = lastSeqInFile();
		for (int i = 0; i < 7; i++) {
			other.createAgent("bob", "while-stopped-" + i);
		}
		assertThat(head()).isGreaterThan(before);
		Thread.sleep(600);
		assertThat(lastSeqInFile()).as("nobody streams while the streaming node's plugin is stopped").isEqualTo(before);

		assertThat(streaming.post("admin", "/launcher/api/plugins/agent-gateway/start", null).statusCode())
			.isEqualTo(200);
		awaitFileAtHead();

		List<JsonNode> lines = lines();
		Map<Long, JsonNode> bySeq = new LinkedHashMap<>();
		for (JsonNode line : lines) {
			JsonNode first = bySeq.putIfAbsent(line.get("seq").asLong(), line);
			if (first != null) {
				assertThat(line.toString()).as("a repeated line repeats its event").isEqualTo(first.toString());
			}
		}
		assertThat(lines.size() - bySeq.size()).as("at most one batch repeated").isLessThanOrEqualTo(BATCH);
		long head = head();
		assertThat(new ArrayList<>(bySeq.keySet())).isEqualTo(
				java.util.stream.LongStream.rangeClosed(bySeq.keySet().iterator().next(), head).boxed().toList());
		List<JsonNode> unique = new ArrayList<>(bySeq.values());
		for (int i = 1; i < unique.size(); i++) {
			assertThat(unique.get(i).get("prevHash").asString()).as("line %d follows the one before", i)
				.isEqualTo(unique.get(i - 1).get("hash").asString());
		}
		assertThat(unique.get(unique.size() - 1).get("hash").asString()).isEqualTo(
				HexFormat.of().formatHex(jdbc.queryForObject("SELECT last_hash FROM agw_audit_head", byte[].class)));
		assertThat(jdbc.queryForObject("SELECT last_seq FROM agw_audit_stream WHERE sink = 'file'", Long.class))
			.isEqualTo(head);
		assertThat(IdentityCalls.leaks(Files.readString(file))).isEmpty();
	}

	private static long head() {
		return jdbc.queryForObject("SELECT last_seq FROM agw_audit_head", Long.class);
	}

	private static void awaitFileAtHead() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (lastSeqInFile() < head() && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(lastSeqInFile()).isEqualTo(head());
	}

	private static long lastSeqInFile() {
		List<JsonNode> lines = lines();
		return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).get("seq").asLong();
	}

	private static List<JsonNode> lines() {
		try {
			if (!Files.exists(file)) {
				return List.of();
			}
			// Read while the plugin may be writing: only whole lines count.
			String text = Files.readString(file);
			List<JsonNode> lines = new ArrayList<>();
			int start = 0;
			for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
				lines.add(JSON.readTree(text.substring(start, end)));
				start = end + 1;
			}
			return lines;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
