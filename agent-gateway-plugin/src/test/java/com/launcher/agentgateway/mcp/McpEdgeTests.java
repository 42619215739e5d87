package com.launcher.agentgateway.mcp;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class McpEdgeTests {

	private static final String ACCEPT = "application/json, text/event-stream";

	private final McpEdge edge = new McpEdge(
			new McpEdgeSettings(Set.of("https://ok.example"), 4096, Duration.ofSeconds(5)));

	@Test
	void checkPostWhenCodexLikeRequestThenAllowed() {
		assertThat(this.edge.checkPost(null, ACCEPT, "application/json", "2025-06-18", 100)).isEmpty();
		assertThat(this.edge.checkPost(null, ACCEPT, "application/json; charset=utf-8", "2025-11-25", -1)).isEmpty();
	}

	@Test
	void checkPostWhenVersionAbsentThenTreatedAs20250326() {
		assertThat(this.edge.checkPost(null, ACCEPT, "application/json", null, 10)).isEmpty();
		assertThat(McpEdge.effectiveVersion(null)).isEqualTo("2025-03-26");
	}

	@Test
	void checkPostWhenVersionUnsupportedThen400() {
		assertThat(this.edge.checkPost(null, ACCEPT, "application/json", "2024-11-05", 10)).get()
			.extracting(McpEdge.Rejection::status)
			.isEqualTo(400);
		assertThat(this.edge.checkPost(null, ACCEPT, "application/json", "2026-07-28", 10)).isPresent();
	}

	@Test
	void checkPostWhenOriginNotAllowedThen403() {
		assertThat(this.edge.checkPost("https://evil.example", ACCEPT, "application/json", null, 10)).get()
			.extracting(McpEdge.Rejection::status)
			.isEqualTo(403);
		assertThat(this.edge.checkPost("null", ACCEPT, "application/json", null, 10)).isPresent();
	}

	@Test
	void checkPostWhenOriginAllowedThenAllowed() {
		assertThat(this.edge.checkPost("https://OK.example/", ACCEPT, "application/json", null, 10)).isEmpty();
	}

	@Test
	void checkPostWhenContentTypeNotJsonThen415() {
		assertThat(this.edge.checkPost(null, ACCEPT, "text/plain", null, 10)).get()
			.extracting(McpEdge.Rejection::status)
			.isEqualTo(415);
		assertThat(this.edge.checkPost(null, ACCEPT, null, null, 10)).get()
			.extracting(McpEdge.Rejection::status)
			.isEqualTo(415);
	}

	@Test
	void checkPostWhenAcceptLacksJsonThen406() {
		assertThat(this.edge.checkPost(null, "text/event-stream", "application/json", null, 10)).get()
			.extracting(McpEdge.Rejection::status)
			.isEqualTo(406);
		assertThat(this.edge.checkPost(null, null, "application/json", null, 10)).isPresent();
	}

	@Test
	void checkPostWhenBodyTooLargeThen413() {
		assertThat(this.edge.checkPost(null, ACCEPT, "application/json", null, 4097)).get()
			.extracting(McpEdge.Rejection::status)
			.isEqualTo(413);
	}

	@Test
	void methodNotAllowedWhenGetOrDeleteThen405WithoutBody() {
		assertThat(this.edge.methodNotAllowed().status()).isEqualTo(405);
		assertThat(this.edge.methodNotAllowed().jsonRpcCode()).isNull();
	}

	@Test
	void readBoundedWhenOverLimitThenNull() throws Exception {
		assertThat(McpController.readBounded(new java.io.ByteArrayInputStream(new byte[11]), 10)).isNull();
		assertThat(McpController.readBounded(new java.io.ByteArrayInputStream(new byte[10]), 10)).hasSize(10);
	}

	@Test
	void safeMethodWhenUnknownThenOther() {
		assertThat(JsonRpcMessages.safeMethod("tools/list")).isEqualTo("tools/list");
		assertThat(JsonRpcMessages.safeMethod("x".repeat(500))).isEqualTo("other");
		assertThat(JsonRpcMessages.safeMethod(null)).isEqualTo("other");
	}

}
