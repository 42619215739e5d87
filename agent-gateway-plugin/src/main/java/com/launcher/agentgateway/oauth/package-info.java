/**
 * The OAuth 2.1 authorization server for agents (MCP authorization, issue 16): client
 * registration by RFC 7591 or by a client metadata document, the consent that turns a
 * person's approval into an agent's grants, authorization codes bound to PKCE (RFC 7636,
 * S256 only) and to the MCP endpoint (RFC 8707), refresh tokens that rotate with family
 * revocation on reuse, and revocation (RFC 7009). Access tokens are the gateway's own
 * {@code agw_} tokens. Protocol parsing and responses live in the web adapter, done by
 * the Nimbus OAuth SDK; this package holds the decisions, records and ports only.
 */
package com.launcher.agentgateway.oauth;
