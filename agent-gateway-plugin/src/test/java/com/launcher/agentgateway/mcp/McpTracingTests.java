package com.launcher.agentgateway.mcp;

import java.util.Map;

import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class McpTracingTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
		.setTracerProvider(
				SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(this.exporter)).build())
		.setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
		.build();

	private final McpTracing tracing = new McpTracing(this.sdk);

	@AfterEach
	void close() {
		this.sdk.close();
	}

	@Test
	void startWhenMetaCarriesTraceparentThenChildOfItAndCurrentUntilEnd() {
		McpSchema.JSONRPCRequest request = new McpSchema.JSONRPCRequest("2.0", "tools/call", "req-1",
				Map.of("name", "whoami", "_meta", Map.of("traceparent", "00-" + TRACE + "-00f067aa0ba902b7-01")));

		McpTracing.McpSpan span = this.tracing.start(request, "whoami", "2025-06-18",
				(header) -> "traceparent".equals(header) ? "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01"
						: null);
		assertThat(Span.current().getSpanContext().getTraceId()).isEqualTo(TRACE);
		span.end();

		assertThat(Span.current().getSpanContext().isValid()).isFalse();
		SpanData data = single();
		assertThat(data.getName()).isEqualTo("tools/call whoami");
		assertThat(data.getKind()).isEqualTo(SpanKind.SERVER);
		assertThat(data.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(data.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isEqualTo("whoami");
		assertThat(data.getAttributes().get(AttributeKey.stringKey("jsonrpc.request.id"))).isEqualTo("req-1");
		assertThat(data.getAttributes().get(AttributeKey.stringKey("mcp.protocol.version"))).isEqualTo("2025-06-18");
		assertThat(data.getAttributes().get(AttributeKey.stringKey("mcp.session.id"))).isNull();
	}

	@Test
	void startWhenNoMetaThenHttpTraceparentAndUnknownMethodNamesNoSpan() {
		McpSchema.JSONRPCRequest request = new McpSchema.JSONRPCRequest("2.0", "evil/" + "x".repeat(100), 7, null);

		this.tracing
			.start(request, null, null,
					(header) -> "traceparent".equals(header) ? "00-" + TRACE + "-00f067aa0ba902b7-01" : null)
			.end();

		SpanData data = single();
		assertThat(data.getName()).isEqualTo("other");
		assertThat(data.getTraceId()).isEqualTo(TRACE);
		assertThat(data.getAttributes().get(AttributeKey.stringKey("gen_ai.tool.name"))).isNull();
	}

	@Test
	void answeredWhenToolRefusedThenErrorTypeIsItsCode() {
		McpSchema.JSONRPCRequest request = new McpSchema.JSONRPCRequest("2.0", "tools/call", 1, Map.of());
		McpTracing.McpSpan span = this.tracing.start(request, "add_comment", null, (header) -> null);
		McpSchema.CallToolResult refused = McpSchema.CallToolResult.builder()
			.isError(true)
			.structuredContent(Map.of("code", "write_not_granted"))
			.build();

		span.answered(new McpSchema.JSONRPCResponse("2.0", 1, refused, null));
		span.end();

		SpanData data = single();
		assertThat(data.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(data.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("write_not_granted");
	}

	@Test
	void answeredWhenJsonRpcErrorThenStatusCodeRecorded() {
		McpSchema.JSONRPCRequest request = new McpSchema.JSONRPCRequest("2.0", "tools/list", 1, null);
		McpTracing.McpSpan span = this.tracing.start(request, null, null, (header) -> null);

		span.answered(
				McpSchema.JSONRPCResponse.error(1, new McpSchema.JSONRPCResponse.JSONRPCError(-32602, "x", null)));
		span.end();

		assertThat(single().getAttributes().get(AttributeKey.stringKey("rpc.response.status_code")))
			.isEqualTo("-32602");
	}

	private SpanData single() {
		assertThat(this.exporter.getFinishedSpanItems()).hasSize(1);
		return this.exporter.getFinishedSpanItems().get(0);
	}

}
