package com.launcher.agentgateway.web.oauth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.launcher.agentgateway.oauth.ClientMetadata;
import com.launcher.agentgateway.oauth.OAuthError;
import com.launcher.agentgateway.oauth.OAuthException;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Moves OAuth messages between the servlet API and the Nimbus SDK: a request's body is
 * read once, with a bound, into the SDK's {@link HTTPRequest} for the SDK to parse; the
 * SDK's {@link HTTPResponse} becomes the answer; domain refusals become the SDK's error
 * objects with their RFC statuses.
 */
final class NimbusMessages {

	private NimbusMessages() {
	}

	/**
	 * The request as the SDK's message, addressed to the endpoint's external URL.
	 * @throws OAuthException {@code invalid_request} when the body is larger than the
	 * bound or cannot be read
	 */
	static HTTPRequest read(HttpServletRequest request, URI endpoint, int maxBytes) {
		HTTPRequest message = new HTTPRequest(HTTPRequest.Method.valueOf(request.getMethod()), endpoint);
		try {
			if (request.getContentType() != null) {
				message.setContentType(request.getContentType());
			}
			byte[] body;
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes(maxBytes + 1);
			}
			if (body.length > maxBytes) {
				throw new OAuthException(OAuthError.INVALID_REQUEST, "body_too_large",
						"The request body is too large.");
			}
			if (body.length > 0) {
				message.setBody(new String(body, StandardCharsets.UTF_8));
			}
			String authorization = request.getHeader("Authorization");
			if (authorization != null) {
				message.setAuthorization(authorization);
			}
			return message;
		}
		catch (ParseException | IOException ex) {
			throw new OAuthException(OAuthError.INVALID_REQUEST, "unreadable_request",
					"The request could not be read.");
		}
	}

	/**
	 * Client metadata as the SDK parsed it (a registration request or a metadata
	 * document), as the domain reads it.
	 * @param parsed the SDK's metadata
	 * @param clientId the {@code client_id} the document names, or {@code null}
	 */
	static ClientMetadata clientMetadata(com.nimbusds.oauth2.sdk.client.ClientMetadata parsed, String clientId) {
		List<String> redirectUris = (parsed.getRedirectionURIs() != null)
				? parsed.getRedirectionURIs().stream().map(URI::toString).toList() : List.of();
		Set<String> grantTypes = new LinkedHashSet<>();
		if (parsed.getGrantTypes() != null) {
			parsed.getGrantTypes().forEach((type) -> grantTypes.add(type.getValue()));
		}
		Set<String> responseTypes = new LinkedHashSet<>();
		if (parsed.getResponseTypes() != null) {
			parsed.getResponseTypes().forEach((type) -> responseTypes.add(type.toString()));
		}
		Set<String> scope = (parsed.getScope() != null) ? new LinkedHashSet<>(parsed.getScope().toStringList())
				: Set.of();
		String method = (parsed.getTokenEndpointAuthMethod() != null) ? parsed.getTokenEndpointAuthMethod().getValue()
				: null;
		return new ClientMetadata(clientId, parsed.getName(), redirectUris, method, grantTypes, responseTypes, scope);
	}

	/** The SDK's response as Spring's; the SDK sets {@code Cache-Control: no-store}. */
	static ResponseEntity<String> write(HTTPResponse response) {
		HttpHeaders headers = new HttpHeaders();
		for (Map.Entry<String, List<String>> header : response.getHeaderMap().entrySet()) {
			headers.put(header.getKey(), header.getValue());
		}
		return ResponseEntity.status(response.getStatusCode()).headers(headers).body(response.getBody());
	}

	/** A domain refusal as the SDK's error object, with the HTTP status its RFC gives. */
	static ErrorObject error(OAuthException ex) {
		return new ErrorObject(ex.error().code(), ex.description(), status(ex.error()));
	}

	/**
	 * The error of a request the SDK could not parse: the SDK's code where it names one
	 * (with a fixed description of ours: its own may quote the input), else
	 * {@code invalid_request}.
	 */
	static OAuthException malformed(ParseException ex, String reason) {
		ErrorObject parsed = ex.getErrorObject();
		OAuthError error = OAuthError.INVALID_REQUEST;
		if (parsed != null && parsed.getCode() != null) {
			for (OAuthError candidate : OAuthError.values()) {
				if (candidate.code().equals(parsed.getCode()) && candidate != OAuthError.REGISTRATION_LIMITED) {
					error = candidate;
					break;
				}
			}
		}
		return new OAuthException(error, reason, describe(error));
	}

	private static String describe(OAuthError error) {
		return switch (error) {
			case UNSUPPORTED_GRANT_TYPE -> "Only the authorization_code and refresh_token grant types are supported.";
			case UNSUPPORTED_RESPONSE_TYPE -> "Only the code response type is supported.";
			case INVALID_CLIENT -> "The client could not be identified.";
			case INVALID_SCOPE -> "The requested scope is not supported.";
			case INVALID_TARGET -> "The resource is not this server's MCP endpoint.";
			case INVALID_REDIRECT_URI -> "A redirect URI is not acceptable.";
			case INVALID_CLIENT_METADATA -> "The client metadata is not valid.";
			default -> "The request is malformed.";
		};
	}

	static int status(OAuthError error) {
		return switch (error) {
			case INVALID_CLIENT -> 401;
			case TEMPORARILY_UNAVAILABLE -> 503;
			case REGISTRATION_LIMITED -> 429;
			default -> 400;
		};
	}

}
