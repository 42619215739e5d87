package com.launcher.agentgateway.call;

/**
 * How a write's result is kept under its idempotency key, so a retry replays exactly what
 * the first call answered, and its audit event names the same card.
 */
public interface StoredResults {

	String encode(ToolResult result);

	ToolResult decode(String stored);

}
