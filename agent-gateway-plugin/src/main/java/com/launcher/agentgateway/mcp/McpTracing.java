package com.launcher.agentgateway.mcp;

import java.util.Collections;
import java.util.Map;
import java.util.function.Function;

import io.modelcontextprotocol.spec.McpSchema;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * One server span per MCP request, after the OpenTelemetry MCP semantic conventions
 * (gen-ai/mcp.md, status Development): named {@code {mcp.method.name} {tool}}, with
 * {@code mcp.method.name}, {@code jsonrpc.request.id}, {@code mcp.protocol.version},
 * {@code network.transport} and, for a tool call, {@code gen_ai.tool.name} and
 * {@code gen_ai.operation.name}. No {@code mcp.session.id}: the endpoint is stateless.
 * The parent is the trace context in the request's {@code params._meta} (as the
 * conventions ask), else the HTTP request's {@code traceparent}. The span is current
 * while the request is served, so database and Tasker spans become its children.
 * Arguments, results and tokens are never recorded.
 */
public final class McpTracing {

	private static final TextMapGetter<Map<String, ?>> META = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Map<String, ?> carrier) {
			return carrier.keySet();
		}

		@Override
		public String get(Map<String, ?> carrier, String key) {
			return (carrier != null && carrier.get(key) instanceof String value) ? value : null;
		}

	};

	private static final TextMapGetter<Function<String, String>> HEADERS = new TextMapGetter<>() {

		@Override
		public Iterable<String> keys(Function<String, String> carrier) {
			return Collections.emptyList();
		}

		@Override
		public String get(Function<String, String> carrier, String key) {
			return (carrier != null) ? carrier.apply(key) : null;
		}

	};

	private final Tracer tracer;

	private final TextMapPropagator propagator;

	public McpTracing(OpenTelemetry openTelemetry) {
		this.tracer = openTelemetry.getTracer("com.launcher.agentgateway.mcp");
		this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
	}

	/**
	 * Starts the request's span and makes it current.
	 * @param request the JSON-RPC request
	 * @param tool the tool a {@code tools/call} names when it is one of the allowlist,
	 * else null (an unknown name must not name spans)
	 * @param protocolVersion the client's protocol revision, or null
	 * @param httpHeaders the HTTP request's headers by name
	 * @return the span, to be ended with the response
	 */
	McpSpan start(McpSchema.JSONRPCRequest request, String tool, String protocolVersion,
			Function<String, String> httpHeaders) {
		String method = JsonRpcMessages.safeMethod(request.method());
		Context parent = this.propagator.extract(Context.root(), httpHeaders, HEADERS);
		Map<String, ?> meta = meta(request.params());
		if (meta != null) {
			Context fromMeta = this.propagator.extract(Context.root(), meta, META);
			if (Span.fromContext(fromMeta).getSpanContext().isValid()) {
				parent = fromMeta;
			}
		}
		var span = this.tracer.spanBuilder((tool != null) ? method + " " + tool : method)
			.setParent(parent)
			.setSpanKind(SpanKind.SERVER)
			.setAttribute("mcp.method.name", method)
			.setAttribute("jsonrpc.request.id", id(request.id()))
			.setAttribute("network.transport", "tcp")
			.setAttribute("network.protocol.name", "http");
		if (protocolVersion != null) {
			span.setAttribute("mcp.protocol.version", protocolVersion);
		}
		if (tool != null) {
			span.setAttribute("gen_ai.tool.name", tool).setAttribute("gen_ai.operation.name", "execute_tool");
		}
		Span started = span.startSpan();
		return new McpSpan(started, started.makeCurrent());
	}

	private static Map<String, ?> meta(Object params) {
		if (params instanceof Map<?, ?> map && map.get("_meta") instanceof Map<?, ?> meta) {
			@SuppressWarnings("unchecked")
			Map<String, ?> typed = (Map<String, ?>) meta;
			return typed;
		}
		return null;
	}

	private static String id(Object id) {
		String text = String.valueOf(id);
		return (text.length() > 64) ? text.substring(0, 64) : text;
	}

	/** A started request span; {@link #end} once. */
	static final class McpSpan {

		private final Span span;

		private final Scope scope;

		McpSpan(Span span, Scope scope) {
			this.span = span;
			this.scope = scope;
		}

		/**
		 * Records the JSON-RPC response: an error sets {@code rpc.response.status_code}
		 * and {@code error.type}; a tool's refusal sets {@code error.type} to its stable
		 * code.
		 * @param response the response sent
		 */
		void answered(McpSchema.JSONRPCResponse response) {
			if (response.error() != null) {
				String code = String.valueOf(response.error().code());
				this.span.setAttribute("rpc.response.status_code", code);
				refused(code);
			}
			else if (response.result() instanceof McpSchema.CallToolResult result
					&& Boolean.TRUE.equals(result.isError())) {
				Object code = (result.structuredContent() instanceof Map<?, ?> content) ? content.get("code") : null;
				refused((code instanceof String text) ? text : "tool_error");
			}
		}

		/** The request was refused or failed with this stable code. */
		void refused(String code) {
			this.span.setAttribute("error.type", code);
			this.span.setStatus(StatusCode.ERROR);
		}

		void end() {
			this.scope.close();
			this.span.end();
		}

	}

}
