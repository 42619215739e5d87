package com.launcher.agentgateway.mcp;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * The Streamable HTTP rules of a stateless server (mcp.md, table "Streamable HTTP
 * rules"), as plain decisions over header values so each rule can be tested without a
 * servlet.
 */
public final class McpEdge {

	/**
	 * The revision assumed when a client sends no {@code MCP-Protocol-Version} (spec).
	 */
	public static final String DEFAULT_PROTOCOL_VERSION = "2025-03-26";

	private final McpEdgeSettings settings;

	private final Set<String> allowedOrigins;

	public McpEdge(McpEdgeSettings settings) {
		this.settings = settings;
		this.allowedOrigins = settings.allowedOrigins()
			.stream()
			.map(McpEdge::normalizeOrigin)
			.collect(Collectors.toUnmodifiableSet());
	}

	public McpEdgeSettings settings() {
		return this.settings;
	}

	/**
	 * Checks a POST before its body is read.
	 * @param origin the {@code Origin} header, or null
	 * @param accept the {@code Accept} header, or null
	 * @param contentType the {@code Content-Type} header, or null
	 * @param protocolVersion the {@code MCP-Protocol-Version} header, or null
	 * @param contentLength the declared length, or -1
	 * @return the rejection, or empty when the request may go on
	 */
	public Optional<Rejection> checkPost(String origin, String accept, String contentType, String protocolVersion,
			long contentLength) {
		if (origin != null && !this.allowedOrigins.contains(normalizeOrigin(origin))) {
			// DNS-rebinding defence (transports, "Security Warning"); same-origin is not
			// enough.
			return Optional.of(new Rejection(403, McpSchema.ErrorCodes.INVALID_REQUEST, "Origin not allowed",
					"origin_not_allowed"));
		}
		if (!isSupportedVersion(protocolVersion)) {
			return Optional.of(new Rejection(400, McpSchema.ErrorCodes.INVALID_REQUEST,
					"Unsupported MCP-Protocol-Version; supported: "
							+ String.join(", ", GatewayMcpTransport.PROTOCOL_VERSIONS),
					"unsupported_protocol_version"));
		}
		if (!"application/json".equals(mediaType(contentType))) {
			return Optional.of(new Rejection(415, McpSchema.ErrorCodes.INVALID_REQUEST,
					"Content-Type must be application/json", "unsupported_media_type"));
		}
		if (!acceptsJson(accept)) {
			return Optional.of(new Rejection(406, McpSchema.ErrorCodes.INVALID_REQUEST,
					"Accept must include application/json and text/event-stream", "not_acceptable"));
		}
		if (contentLength > this.settings.maxBodyBytes()) {
			return Optional.of(tooLarge());
		}
		return Optional.empty();
	}

	public Rejection tooLarge() {
		return new Rejection(413, McpSchema.ErrorCodes.INVALID_REQUEST, "Request body too large", "body_too_large");
	}

	/**
	 * The body broke off or could not be decoded before it was whole (a client that hung
	 * up, a chunked body that lies): nothing was read, so nothing is served.
	 */
	public Rejection unreadableBody() {
		return new Rejection(400, McpSchema.ErrorCodes.INVALID_REQUEST, "Request body could not be read",
				"body_unreadable");
	}

	/**
	 * GET would open a server stream and DELETE would end a session: neither exists here.
	 */
	public Rejection methodNotAllowed() {
		return new Rejection(405, null, "Method not allowed; use POST", "method_not_allowed");
	}

	public static boolean isSupportedVersion(String protocolVersion) {
		return protocolVersion == null || GatewayMcpTransport.PROTOCOL_VERSIONS.contains(protocolVersion.strip());
	}

	public static String effectiveVersion(String protocolVersion) {
		return (protocolVersion == null) ? DEFAULT_PROTOCOL_VERSION : protocolVersion.strip();
	}

	static boolean acceptsJson(String accept) {
		if (accept == null) {
			return false;
		}
		for (String part : accept.split(",")) {
			String type = mediaType(part);
			if ("application/json".equals(type) || "application/*".equals(type) || "*/*".equals(type)) {
				return true;
			}
		}
		return false;
	}

	static String mediaType(String header) {
		if (header == null) {
			return null;
		}
		int semicolon = header.indexOf(';');
		return ((semicolon >= 0) ? header.substring(0, semicolon) : header).strip().toLowerCase(Locale.ROOT);
	}

	private static String normalizeOrigin(String origin) {
		String value = origin.strip().toLowerCase(Locale.ROOT);
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	/**
	 * A refusal at the edge.
	 *
	 * @param status the HTTP status
	 * @param jsonRpcCode the JSON-RPC error code for the body, or null for an empty body
	 * @param message a fixed, safe message
	 * @param reason the audit reason
	 */
	public record Rejection(int status, Integer jsonRpcCode, String message, String reason) {
	}

}
