/**
 * The HTTP edge of the OAuth authorization server: RFC 8414 metadata, the authorization
 * endpoint with its consent page, and the token, registration and revocation endpoints.
 * The Nimbus OAuth 2.0 SDK parses every request and builds every response and error
 * (docs/design.md, "OAuth authorization server"); the decisions are the domain's
 * ({@code oauth} package). Also the SSRF-safe fetcher of client metadata documents.
 */
package com.launcher.agentgateway.web.oauth;
