/**
 * The path of one tool call, free of MCP, HTTP, JSON libraries and SQL (DESIGN §5):
 * {@link com.launcher.agentgateway.call.CallPipeline} takes an authenticated agent, a
 * tool and its arguments and runs validation, allowlist, grant, limits and budget, the
 * owner's membership, idempotency, the tool and exactly one audit event. Tools implement
 * {@link com.launcher.agentgateway.call.Tool}; their descriptors are data.
 */
package com.launcher.agentgateway.call;
