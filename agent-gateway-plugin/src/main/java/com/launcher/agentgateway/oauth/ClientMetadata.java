package com.launcher.agentgateway.oauth;

import java.util.List;
import java.util.Set;

/**
 * What a client says about itself, in a registration request (RFC 7591 §2) or in its
 * metadata document, as the web adapter parsed it.
 *
 * @param clientId the client id the document names (metadata documents only)
 * @param clientName {@code client_name}, or {@code null}
 * @param redirectUris {@code redirect_uris}
 * @param tokenEndpointAuthMethod {@code token_endpoint_auth_method}, or {@code null}
 * @param grantTypes {@code grant_types} (empty: not given)
 * @param responseTypes {@code response_types} (empty: not given)
 * @param scope the {@code scope} values (empty: not given)
 */
public record ClientMetadata(String clientId, String clientName, List<String> redirectUris,
		String tokenEndpointAuthMethod, Set<String> grantTypes, Set<String> responseTypes, Set<String> scope) {

	public ClientMetadata {
		redirectUris = (redirectUris != null) ? List.copyOf(redirectUris) : List.of();
		grantTypes = (grantTypes != null) ? Set.copyOf(grantTypes) : Set.of();
		responseTypes = (responseTypes != null) ? Set.copyOf(responseTypes) : Set.of();
		scope = (scope != null) ? Set.copyOf(scope) : Set.of();
	}

}
