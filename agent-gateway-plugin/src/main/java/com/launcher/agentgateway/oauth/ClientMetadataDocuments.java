package com.launcher.agentgateway.oauth;

/**
 * Fetches a client's metadata document from its client id URL (Client ID Metadata
 * Documents, MCP authorization 2025-11-25). An SSRF surface: implementations fetch HTTPS
 * only (HTTP only on loopback where allowed), refuse private, link-local and other
 * internal addresses after resolving the name, follow no redirects and bound size and
 * time.
 */
public interface ClientMetadataDocuments {

	/**
	 * Fetches and parses one document.
	 * @param clientId the client id, an HTTPS URL
	 * @return what the document says
	 * @throws OAuthException {@code invalid_client} with a reason when the URL is not
	 * acceptable or the document cannot be fetched or read
	 */
	ClientMetadata fetch(String clientId);

	/** Whether a client id names a metadata document rather than a registration. */
	static boolean isDocumentUrl(String clientId) {
		return clientId != null && (clientId.startsWith("https://") || clientId.startsWith("http://"));
	}

}
