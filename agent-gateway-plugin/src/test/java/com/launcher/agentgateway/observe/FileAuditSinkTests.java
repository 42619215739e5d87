package com.launcher.agentgateway.observe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditStreamer.StreamedEvent;
import com.launcher.agentgateway.audit.TestAuditEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class FileAuditSinkTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path folder;

	@Test
	void writeWhenEventsThenOneJsonLinePerEventWithPositionLinksAndFields() throws Exception {
		Path file = this.folder.resolve("new").resolve("audit.jsonl");
		AuditEvent event = TestAuditEvents.full();

		new FileAuditSink(file).write(List.of(streamed(4, event), streamed(5, TestAuditEvents.full())));

		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(2);
		JsonNode first = JSON.readTree(lines.get(0));
		assertThat(first.get("seq").asLong()).isEqualTo(4);
		assertThat(first.get("prevHash").asString()).isEqualTo("03".repeat(32));
		assertThat(first.get("hash").asString()).isEqualTo("04".repeat(32));
		assertThat(first.get("id").asString()).isEqualTo(event.id().toString());
		assertThat(first.get("occurredAt").asString()).isEqualTo(event.occurredAt().toString());
		assertThat(first.get("outcome").asString()).isEqualTo("SUCCEEDED");
		assertThat(first.get("tokenHint").asString()).isEqualTo("agw_\u2026abcd");
		assertThat(first.get("details").get("project").asString()).isEqualTo("WEB");
		// The names and their order are the exports' (AuditExport), after the position.
		assertThat(lines.get(0)).startsWith("{\"seq\":4,\"prevHash\":\"" + "03".repeat(32) + "\",\"hash\":\""
				+ "04".repeat(32) + "\",\"id\":\"" + event.id() + "\",\"occurredAt\":\"" + event.occurredAt()
				+ "\",\"agentId\":\"" + event.agentId() + "\",\"ownerUserId\":\"" + event.ownerUserId()
				+ "\",\"actorType\":\"AGENT\",\"actorId\":");
		assertThat(lines.get(0))
			.contains("\"tokenId\":\"" + event.tokenId() + "\",\"tokenHint\":\"agw_\u2026abcd\",\"details\":{");
	}

	@Test
	void writeWhenTheLastLineWasTornByACrashThenItIsCutAndTheFileHoldsWholeLinesOnly() throws Exception {
		Path file = this.folder.resolve("audit.jsonl");
		FileAuditSink sink = new FileAuditSink(file);
		sink.write(List.of(streamed(1, TestAuditEvents.full())));
		Files.writeString(file, "{\"seq\":2,\"prevHa", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

		sink.write(List.of(streamed(2, TestAuditEvents.full())));

		List<String> lines = Files.readAllLines(file);
		assertThat(lines).hasSize(2);
		for (String line : lines) {
			JSON.readTree(line);
		}
		assertThat(JSON.readTree(lines.get(1)).get("seq").asLong()).isEqualTo(2);
	}

	private static StreamedEvent streamed(long seq, AuditEvent event) {
		byte[] prev = new byte[32];
		byte[] hash = new byte[32];
		java.util.Arrays.fill(prev, (byte) (seq - 1));
		java.util.Arrays.fill(hash, (byte) seq);
		return new StreamedEvent(seq, prev, hash, event);
	}

}
