package com.launcher.agentgateway.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.ActorType;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.mcp.McpEdge.Rejection;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.host.api.LauncherPluginContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
 * one JSON-RPC message, passes it to the SDK, and makes sure every request leaves exactly
 * one audit event. No response ever carries a stack trace or a class name.
 */
@Controller
@RequestMapping("/mcp")
public class McpController {

	private static final Logger logger = LoggerFactory.getLogger(McpController.class);

	private static final Set<String> KNOWN_METHODS = Set.of("initialize", "ping", "tools/list", "tools/call",
			"resources/list", "resources/templates/list", "prompts/list", "notifications/initialized",
			"notifications/cancelled");

	private final LauncherPluginContext host;

	private final McpEdge edge;

	private final GatewayMcpTransport transport;

	private final JsonMapper json;

	private final McpJsonMapper mcpJson;

	private final AuditLog audit;

	private final Clock clock;

	public McpController(LauncherPluginContext host, McpEdge edge, GatewayMcpTransport transport, JsonMapper json,
			McpJsonMapper mcpJson, AuditLog audit, Clock clock) {
		this.host = host;
		this.edge = edge;
		this.transport = transport;
		this.json = json;
		this.mcpJson = mcpJson;
		this.audit = audit;
		this.clock = clock;
	}

	@PostMapping
	public ResponseEntity<byte[]> post(HttpServletRequest request) throws IOException {
		Optional<AgentPrincipal> principal = principal();
		if (principal.isEmpty()) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
				.build();
		}
		AgentPrincipal agent = principal.get();
		Optional<Rejection> rejection = this.edge.checkPost(request.getHeader("Origin"), request.getHeader("Accept"),
				request.getContentType(), request.getHeader("MCP-Protocol-Version"), request.getContentLengthLong());
		if (rejection.isPresent()) {
			return reject(agent, rejection.get());
		}
		byte[] body = readBounded(request.getInputStream(), this.edge.settings().maxBodyBytes());
		if (body == null) {
			return reject(agent, this.edge.tooLarge());
		}
		JsonNode tree;
		try {
			tree = this.json.readTree(body);
		}
		catch (RuntimeException ex) {
			return reject(agent, new Rejection(400, McpSchema.ErrorCodes.PARSE_ERROR, "Parse error", "parse_error"));
		}
		if (tree != null && tree.isArray()) {
			// One message per POST since 2025-06-18 (transports): answered without an id.
			return reject(agent, new Rejection(400, McpSchema.ErrorCodes.INVALID_REQUEST,
					"Batch requests are not supported", "batch_not_supported"));
		}
		McpSchema.JSONRPCMessage message = parseMessage(tree);
		if (message == null) {
			return reject(agent,
					new Rejection(400, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request", "invalid_request"));
		}
		String protocolVersion = McpEdge.effectiveVersion(request.getHeader("MCP-Protocol-Version"));
		McpCall call = new McpCall(agent, protocolVersion);
		if (message instanceof McpSchema.JSONRPCRequest rpcRequest) {
			return serve(call, rpcRequest);
		}
		if (message instanceof McpSchema.JSONRPCNotification notification) {
			try {
				this.transport.notify(call.toContext(), notification, this.edge.settings().requestTimeout());
			}
			catch (RuntimeException ex) {
				logger.debug("MCP notification {} was not handled", safeMethod(notification.method()));
			}
			auditOnce(call, "mcp." + safeMethod(notification.method()), Outcome.SUCCEEDED, null);
			return ResponseEntity.accepted().build();
		}
		// A response posted by the client: we never send requests to clients, so just
		// accept it.
		auditOnce(call, "mcp.response", Outcome.SUCCEEDED, null);
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
		logger.warn("MCP request failed: {}", ex.getClass().getSimpleName());
		return jsonRpcError(400, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error");
	}

	private ResponseEntity<byte[]> serve(McpCall call, McpSchema.JSONRPCRequest request) {
		if (!(request.id() instanceof String || request.id() instanceof Number) || request.method() == null) {
			auditOnce(call, "mcp.invalid", Outcome.DENIED, "invalid_request");
			return jsonRpcError(400, null, McpSchema.ErrorCodes.INVALID_REQUEST, "Invalid request");
		}
		McpSchema.JSONRPCResponse response;
		try {
			response = this.transport.handle(call.toContext(), request, this.edge.settings().requestTimeout());
		}
		catch (RuntimeException ex) {
			logger.warn("MCP {} failed: {}", safeMethod(request.method()), ex.getClass().getSimpleName());
			response = null;
		}
		if (response == null) {
			response = McpSchema.JSONRPCResponse.error(request.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
					McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error", null));
		}
		response = scrub(request, response);
		String reason = (response.error() != null) ? "jsonrpc_" + response.error().code() : null;
		if (!auditOnce(call, "mcp." + safeMethod(request.method()),
				(response.error() != null) ? Outcome.DENIED : Outcome.SUCCEEDED, reason)) {
			response = McpSchema.JSONRPCResponse.error(request.id(), new McpSchema.JSONRPCResponse.JSONRPCError(
					McpSchema.ErrorCodes.INTERNAL_ERROR, "Service unavailable; retry later", null));
		}
		return json(200, response);
	}

	/**
	 * The SDK puts exception text into internal errors; we keep only fixed messages for
	 * them, so no class name or stack trace reaches a client (mcp.md, "errors").
	 */
	private static McpSchema.JSONRPCResponse scrub(McpSchema.JSONRPCRequest request,
			McpSchema.JSONRPCResponse response) {
		McpSchema.JSONRPCResponse.JSONRPCError error = response.error();
		if (error == null) {
			return response;
		}
		Integer code = error.code();
		String message;
		if (code != null && code == McpSchema.ErrorCodes.METHOD_NOT_FOUND) {
			message = "Method not found";
		}
		else if (code != null && code == McpSchema.ErrorCodes.INVALID_PARAMS) {
			message = "Invalid params" + (("tools/call".equals(request.method())) ? ": unknown tool" : "");
		}
		else if (code != null && code == McpSchema.ErrorCodes.INVALID_REQUEST) {
			message = "Invalid request";
		}
		else {
			code = McpSchema.ErrorCodes.INTERNAL_ERROR;
			message = "Internal error";
		}
		return McpSchema.JSONRPCResponse.error(request.id(),
				new McpSchema.JSONRPCResponse.JSONRPCError(code, message, null));
	}

	/**
	 * The message in an already parsed body, told apart the way the SDK does (a method
	 * and an id: request; a method alone: notification; a result or an error: response),
	 * without parsing the body a second time.
	 */
	private McpSchema.JSONRPCMessage parseMessage(JsonNode tree) {
		if (tree == null || !tree.isObject() || !"2.0".equals(tree.path("jsonrpc").asString(null))) {
			return null;
		}
		try {
			if (tree.has("method") && tree.has("id")) {
				return this.mcpJson.convertValue(tree, McpSchema.JSONRPCRequest.class);
			}
			if (tree.has("method")) {
				return this.mcpJson.convertValue(tree, McpSchema.JSONRPCNotification.class);
			}
			if (tree.has("result") || tree.has("error")) {
				return this.mcpJson.convertValue(tree, McpSchema.JSONRPCResponse.class);
			}
			return null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private ResponseEntity<byte[]> methodNotAllowed() {
		Rejection rejection = this.edge.methodNotAllowed();
		principal()
			.ifPresent((agent) -> auditOnce(new McpCall(agent, null), "mcp.http", Outcome.DENIED, rejection.reason()));
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST").build();
	}

	private ResponseEntity<byte[]> reject(AgentPrincipal agent, Rejection rejection) {
		auditOnce(new McpCall(agent, null), "mcp.rejected", Outcome.DENIED, rejection.reason());
		if (rejection.jsonRpcCode() == null) {
			return ResponseEntity.status(rejection.status()).build();
		}
		return jsonRpcError(rejection.status(), null, rejection.jsonRpcCode(), rejection.message());
	}

	private boolean auditOnce(McpCall call, String action, Outcome outcome, String reason) {
		if (call.audited()) {
			return true;
		}
		AgentPrincipal agent = call.principal();
		try {
			this.audit.append(AuditEvent.builder(action, outcome)
				.at(this.clock.instant())
				.agent(agent.agentId(), agent.ownerUserId())
				.actor(ActorType.AGENT, agent.agentId().toString())
				.token(agent.tokenId(), agent.tokenHint())
				.request(agent.requestId(), agent.clientAddress())
				.reason(reason)
				.detail("protocol_version", call.protocolVersion())
				.build());
			call.markAudited();
			return true;
		}
		catch (RuntimeException ex) {
			logger.error("Audit append failed for {}: {}", action, ex.getClass().getSimpleName());
			return false;
		}
	}

	private ResponseEntity<byte[]> jsonRpcError(int status, Object id, int code, String message) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("code", code);
		error.put("message", message);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("jsonrpc", "2.0");
		body.put("id", id);
		body.put("error", error);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.json.writeValueAsBytes(body));
	}

	private ResponseEntity<byte[]> json(int status, Object body) {
		try {
			return ResponseEntity.status(status)
				.contentType(MediaType.APPLICATION_JSON)
				.body(this.mcpJson.writeValueAsBytes(body));
		}
		catch (IOException ex) {
			return jsonRpcError(400, null, McpSchema.ErrorCodes.INTERNAL_ERROR, "Internal error");
		}
	}

	private Optional<AgentPrincipal> principal() {
		return this.host.requestIdentity().bearerPrincipal(AgentPrincipal.class);
	}

	static String safeMethod(String method) {
		return (method != null && KNOWN_METHODS.contains(method)) ? method : "other";
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
