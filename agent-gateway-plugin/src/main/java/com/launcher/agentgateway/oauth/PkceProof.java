package com.launcher.agentgateway.oauth;

/**
 * The {@code code_verifier} of a token request (RFC 7636 §4.5), as the S256 challenge the
 * web adapter computed from it.
 *
 * @param present whether a verifier was sent
 * @param s256Challenge {@code BASE64URL(SHA256(verifier))}, or {@code null} when the
 * verifier was malformed
 */
public record PkceProof(boolean present, String s256Challenge) {

	public static PkceProof missing() {
		return new PkceProof(false, null);
	}

}
