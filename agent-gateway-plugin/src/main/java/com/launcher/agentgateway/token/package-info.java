/**
 * Opaque agent tokens: format with checksum (rejects garbage before any lookup), keyed
 * hashes at rest, mandatory expiry, revocation, rotation with family revocation on reuse,
 * optional CIDR binding, and the authentication of a presented token.
 */
package com.launcher.agentgateway.token;
