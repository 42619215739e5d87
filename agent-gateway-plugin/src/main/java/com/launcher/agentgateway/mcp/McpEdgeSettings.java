package com.launcher.agentgateway.mcp;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The edge's settings (bound from {@code agent-gateway.mcp.*}).
 *
 * @param allowedOrigins browser origins allowed to call the endpoint; empty allows none
 * (CLI clients send no {@code Origin}, which is always fine)
 * @param maxBodyBytes the largest request body accepted
 * @param requestTimeout the longest one message may take
 */
public record McpEdgeSettings(Set<String> allowedOrigins, int maxBodyBytes, Duration requestTimeout) {

	public McpEdgeSettings {
		allowedOrigins = Set.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
		if (maxBodyBytes < 1024 || maxBodyBytes > 16 * 1024 * 1024) {
			throw new IllegalArgumentException("maxBodyBytes must be between 1 KiB and 16 MiB");
		}
		Objects.requireNonNull(requestTimeout, "requestTimeout");
	}

	public static McpEdgeSettings defaults() {
		return new McpEdgeSettings(Set.of(), 1024 * 1024, Duration.ofSeconds(60));
	}

}
