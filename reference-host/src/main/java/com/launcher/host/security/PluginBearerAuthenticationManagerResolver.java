package com.launcher.host.security;

import java.util.Set;
import java.util.stream.Collectors;

import com.launcher.host.api.web.BearerTokenRequest;
import com.launcher.host.api.web.IntrospectionResult;
import com.launcher.host.api.web.ProtectedResource;
import com.launcher.host.web.ClientAddressResolver;
import com.launcher.host.web.RequestIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Picks, per request, the introspector of the plugin that owns the path, and turns its
 * answer into a Spring Security authentication. No registered introspector, or one that
 * throws, means refusal: fail closed.
 */
class PluginBearerAuthenticationManagerResolver implements AuthenticationManagerResolver<HttpServletRequest> {

	private static final Logger logger = LoggerFactory.getLogger(PluginBearerAuthenticationManagerResolver.class);

	private final PluginProtectedResources resources;

	private final ClientAddressResolver clientAddresses;

	PluginBearerAuthenticationManagerResolver(PluginProtectedResources resources,
			ClientAddressResolver clientAddresses) {
		this.resources = resources;
		this.clientAddresses = clientAddresses;
	}

	@Override
	public AuthenticationManager resolve(HttpServletRequest request) {
		String path = SecurityConfiguration.pathOf(request);
		ProtectedResource resource = this.resources.find(path).orElse(null);
		return (authentication) -> {
			if (resource == null) {
				throw new InvalidBearerTokenException("The access token is invalid");
			}
			String credential = ((PresentedBearerCredential) authentication).credential();
			IntrospectionResult result = introspect(resource, request, credential, null);
			if (result instanceof IntrospectionResult.Active active) {
				Set<SimpleGrantedAuthority> authorities = active.authorities()
					.stream()
					.map(SimpleGrantedAuthority::new)
					.collect(Collectors.toSet());
				return new PluginBearerAuthentication(active.principal(), active.name(), authorities);
			}
			IntrospectionResult.Rejected rejected = (IntrospectionResult.Rejected) result;
			if (rejected.sourceThrottled()) {
				throw new SourceThrottledException(rejected.retryAfterSeconds());
			}
			throw new InvalidBearerTokenException("The access token is invalid");
		};
	}

	/**
	 * Asks a resource's introspector about a credential, once. An introspector that
	 * throws refuses.
	 * @param resource the protected resource
	 * @param request the request (headers are read from it only through the resolvers)
	 * @param credential the raw credential
	 * @param hostRejection why the host refuses the request anyway, or {@code null}
	 * @return the introspector's answer
	 */
	IntrospectionResult introspect(ProtectedResource resource, HttpServletRequest request, String credential,
			String hostRejection) {
		String path = SecurityConfiguration.pathOf(request);
		Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
		try {
			return resource.introspector()
				.introspect(new BearerTokenRequest(credential, this.clientAddresses.resolve(request),
						(requestId != null) ? requestId.toString() : "-", request.getMethod(), path, hostRejection));
		}
		catch (RuntimeException ex) {
			logger.warn("Introspector of {} failed; refusing the request: {}", path, ex.getClass().getSimpleName());
			return IntrospectionResult.Rejected.invalid("introspector_failed");
		}
	}

}
