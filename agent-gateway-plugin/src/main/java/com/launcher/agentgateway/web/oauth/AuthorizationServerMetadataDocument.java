package com.launcher.agentgateway.web.oauth;

import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.oauth.Scopes;
import com.nimbusds.oauth2.sdk.GrantType;
import com.nimbusds.oauth2.sdk.ResponseMode;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.as.AuthorizationServerMetadata;
import com.nimbusds.oauth2.sdk.auth.ClientAuthenticationMethod;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;

/**
 * The authorization server's metadata (RFC 8414 §2), built with the Nimbus SDK: the code
 * flow only, PKCE with S256 only, public clients only ({@code none}), registration by RFC
 * 7591 and by client metadata document, and the RFC 9207 {@code iss} parameter.
 */
public final class AuthorizationServerMetadataDocument {

	private AuthorizationServerMetadataDocument() {
	}

	/**
	 * The metadata for one external base URL.
	 * @param urls the server's URLs
	 * @param metadataDocuments whether client metadata documents are accepted
	 * @return the JSON object
	 */
	public static Map<String, Object> of(OAuthUrls urls, boolean metadataDocuments) {
		AuthorizationServerMetadata metadata = new AuthorizationServerMetadata(new Issuer(urls.issuer()));
		metadata.setAuthorizationEndpointURI(urls.authorizationEndpoint());
		metadata.setTokenEndpointURI(urls.tokenEndpoint());
		metadata.setRegistrationEndpointURI(urls.registrationEndpoint());
		metadata.setRevocationEndpointURI(urls.revocationEndpoint());
		metadata.setResponseTypes(List.of(ResponseType.CODE));
		metadata.setResponseModes(List.of(ResponseMode.QUERY));
		metadata.setGrantTypes(List.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN));
		metadata.setCodeChallengeMethods(List.of(CodeChallengeMethod.S256));
		metadata.setTokenEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE));
		metadata.setRevocationEndpointAuthMethods(List.of(ClientAuthenticationMethod.NONE));
		metadata.setScopes(new Scope(Scopes.SUPPORTED.toArray(String[]::new)));
		metadata.setSupportsAuthorizationResponseIssuerParam(true);
		// The MCP authorization spec (2025-11-25) field; the SDK has no setter for it
		// yet.
		metadata.setCustomParameter("client_id_metadata_document_supported", metadataDocuments);
		return metadata.toJSONObject();
	}

}
