package com.launcher.agentgateway.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.call.CallPipeline;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.mcp.McpEdge.Rejection;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.host.api.LauncherPluginContext;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * {@code POST /plugins/agent-gateway/mcp}: the HTTP edge of the MCP endpoint. The host
 * has already authenticated the bearer token (401, {@code WWW-Authenticate} and RFC 9728
 * metadata are the host's); this class applies the Streamable HTTP rules, parses exactly
 * one JSON-RPC message and passes it to the SDK. Every request leaves exactly one audit
 * event, and every request but a tool call costs the agent one unit of its rate limit
 * here: a tool call the SDK hands to the call pipeline is counted and audited there,
 * everything else here. No response ever carries a stack trace or a class name.
 */
@Controller
@RequestMapping("/mcp")
public class McpController {

	private static final Logger logger = LoggerFactory.getLogger(McpController.class);

	private final LauncherPluginContext host;

	private final McpEdge edge;

	private final GatewayMcpTransport transport;

	private final McpTools tools;

	private final CallPipeline pipeline;

	private final JsonRpcMessages messages;

	private final McpAudit audit;

	private final McpTracing tracing;

	private final FailureNames failures;

	public McpController(LauncherPluginContext host, McpEdge edge, GatewayMcpTransport transport, McpTools tools,
			CallPipeline pipeline, JsonRpcMessages messages, AuditLog audit, Clock clock, McpTracing tracing,
			FailureNames failures) {
		this.host = host;
		this.edge = edge;
		this.transport = transport;
		this.tools = tools;
		this.pipeline = pipeline;
		this.messages = messages;
		this.audit = new McpAudit(audit, clock, failures);
		this.tracing = tracing;
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	@PostMapping
	public ResponseEntity<byte[]> post(HttpServletRequest request) {
		Optional<AgentPrincipal> principal = principal();
		if (principal.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
				.build();
		}
		McpCall unversioned = new McpCall(principal.get(), null);
		Optional<Rejection> rejection = this.edge.checkPost(request.getHeader("Origin"), request.getHeader("Accept"),
				request.getContentType(), request.getHeader("MCP-Protocol-Version"), request.getContentLengthLong());
		if (rejection.isPresent()) {
			return reject(unversioned, rejection.get());
		}
		byte[] body;
		try {
			body = readBounded(request.getInputStream(), this.edge.settings().maxBodyBytes());
		}
		catch (IOException ex) {
			// A recognised agent's request leaves its event even when its body never
			// arrived whole (issue 12, A1): the client may be gone, the audit is not.
			return reject(unversioned, this.edge.unreadableBody());
		}
		if (body == null) {
			return reject(unversioned, this.edge.tooLarge());
		}
		JsonNode tree;
		try {
			tree = this.messages.readTree(body);
		}
		catch (RuntimeException ex) {
			return reject(unversioned,
					new Rejection(400, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error", "parse_error"));
		}
		if (tree != null && tree.isArray()) {
			// One message per POST since 2025-06-18 (transports): answered without an id.
			return reject(unversioned, new Rejection(400, McpSchema.ErrorCodes.INVALID_REQUEST,
					"Batch requests are not supported", "batch_not_supported"));
		}
		McpSchema.JSONRPCMessage message = this.messages.parse(tree);
		if (message == null) {
			return reject(unversioned,
					new Rejection(400, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request", "invalid_request"));
		}
		McpCall call = new McpCall(principal.get(),
				McpEdge.effectiveVersion(request.getHeader("MCP-Protocol-Version")));
		if (message instanceof McpSchema.JSONRPCRequest rpcRequest) {
			return traced(call, rpcRequest, request);
		}
		if (message instanceof McpSchema.JSONRPCNotification notification) {
			try {
				this.transport.notify(call.toContext(), notification, this.edge.settings().requestTimeout());
			}
			catch (RuntimeException ex) {
				logger.debug("MCP notification {} was not handled", JsonRpcMessages.safeMethod(notification.method()));
			}
			this.audit.record(call, "mcp." + JsonRpcMessages.safeMethod(notification.method()), Outcome.SUCCEEDED,
					null);
			return ResponseEntity.accepted().build();
		}
		// A response posted by the client: we never send requests to clients, so just
		// accept it.
		this.audit.record(call, "mcp.response", Outcome.SUCCEEDED, null);
		return ResponseEntity.accepted().build();
	}

	@GetMapping
	public ResponseEntity<byte[]> get() {
		return methodNotAllowed();
	}

	@DeleteMapping
	public ResponseEntity<byte[]> delete() {
		return methodNotAllowed();
	}

	/**
	 * The last resort: whatever escaped is answered with a fixed JSON-RPC error, never a
	 * stack trace, a class name or a 5xx (security.md F1).
	 * @param ex the failure
	 * @return a 400 with a generic JSON-RPC error
	 */
	@ExceptionHandler(Exception.class)
	public ResponseEntity<byte[]> handleUnexpected(Exception ex) {
		logger.warn("MCP request failed: {}", this.failures.of(ex));
		// Every path above audits before it answers, so reaching here means nothing was
		// recorded yet: the recognised agent still gets its one event (A1).
		principal().ifPresent(
				(agent) -> this.audit.record(new McpCall(agent, null), "mcp.failed", Outcome.DENIED, "internal_error"));
		return this.messages.error(400, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error");
	}

	private ResponseEntity<byte[]> traced(McpCall call, McpSchema.JSONRPCRequest request, HttpServletRequest http) {
		boolean knownTool = "tools/call".equals(request.method()) && this.tools.reachPipeline(request.params());
		String tool = knownTool ? toolName(request.params()) : null;
		McpTracing.McpSpan span = this.tracing.start(request, tool, call.protocolVersion(), http::getHeader);
		try {
			return serve(call, request, span);
		}
		finally {
			span.end();
		}
	}

	private static String toolName(Object params) {
		return (params instanceof Map<?, ?> map && map.get("name") instanceof String name) ? name : null;
	}

	private ResponseEntity<byte[]> serve(McpCall call, McpSchema.JSONRPCRequest request, McpTracing.McpSpan span) {
		if (!(request.id() instanceof String || request.id() instanceof Number) || request.method() == null) {
			this.audit.record(call, "mcp.invalid", Outcome.DENIED, "invalid_request");
			return this.messages.error(400, null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request");
		}
		String action = "mcp." + JsonRpcMessages.safeMethod(request.method());
		boolean toolCall = "tools/call".equals(request.method());
		boolean pipelineServes = toolCall && this.tools.reachPipeline(request.params());
		if (!toolCall) {
			// A tool call is counted by the pipeline, after the allowlist; one naming no
			// tool is not counted either, so that an unknown tool and a tool hidden from
			// this agent stay alike.
			Optional<ResponseEntity<byte[]>> refused = admit(call, request, action, span);
			if (refused.isPresent()) {
				return refused.get();
			}
		}
		McpSchema.JSONRPCResponse response;
		try {
			response = this.transport.handle(call.toContext(), request, this.edge.settings().requestTimeout());
		}
		catch (RuntimeException ex) {
			logger.warn("MCP {} failed: {}", JsonRpcMessages.safeMethod(request.method()), this.failures.of(ex));
			response = null;
		}
		response = JsonRpcMessages.scrub(request,
				(response != null) ? response : JsonRpcMessages.internalError(request.id(), "Internal error"));
		span.answered(response);
		if (pipelineServes) {
			// The pipeline wrote this call's event, whatever the answer.
			return this.messages.response(response);
		}
		String reason = (response.error() != null) ? "jsonrpc_" + response.error().code() : null;
		if (!this.audit.record(call, action, (response.error() != null) ? Outcome.DENIED : Outcome.SUCCEEDED, reason)) {
			response = JsonRpcMessages.internalError(request.id(), "Service unavailable; retry later");
		}
		return this.messages.response(response);
	}

	/**
	 * Counts a protocol request against the agent's own limit (issue 12: {@code ping},
	 * {@code initialize} and {@code tools/list} cost like tool calls, so a flood of them
	 * is refused like one).
	 * @return the refusal, audited, or empty when the request may be served
	 */
	private Optional<ResponseEntity<byte[]>> admit(McpCall call, McpSchema.JSONRPCRequest request, String action,
			McpTracing.McpSpan span) {
		GatewayException refusal;
		try {
			this.pipeline.admit(call.principal());
			return Optional.empty();
		}
		catch (GatewayException ex) {
			refusal = ex;
		}
		catch (RuntimeException ex) {
			// Fail closed: a limit that cannot be read admits nothing.
			logger.warn("Cannot count MCP {}: {}", JsonRpcMessages.safeMethod(request.method()), this.failures.of(ex));
			refusal = new GatewayException(ErrorCode.SERVICE_UNAVAILABLE);
		}
		this.audit.record(call, action, Outcome.DENIED, refusal.errorCode().code());
		span.refused(refusal.errorCode().code());
		return Optional.of(this.messages.refusal(request.id(), refusal));
	}

	private ResponseEntity<byte[]> methodNotAllowed() {
		Rejection rejection = this.edge.methodNotAllowed();
		principal().ifPresent(
				(agent) -> this.audit.record(new McpCall(agent, null), "mcp.http", Outcome.DENIED, rejection.reason()));
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST").build();
	}

	private ResponseEntity<byte[]> reject(McpCall call, Rejection rejection) {
		this.audit.record(call, "mcp.rejected", Outcome.DENIED, rejection.reason());
		if (rejection.jsonRpcCode() == null) {
			return ResponseEntity.status(rejection.status()).build();
		}
		return this.messages.error(rejection.status(), null, rejection.jsonRpcCode(), rejection.message());
	}

	private Optional<AgentPrincipal> principal() {
		return this.host.requestIdentity().bearerPrincipal(AgentPrincipal.class);
	}

	/**
	 * Reads at most {@code max} bytes.
	 * @return the body, or null when it is longer than {@code max}
	 */
	static byte[] readBounded(InputStream in, int max) throws IOException {
		byte[] body = in.readNBytes(max + 1);
		return (body.length > max) ? null : body;
	}

}
