package com.launcher.host.web;

import java.net.URI;
import java.util.Optional;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.web.RequestIdentity;
import com.launcher.host.security.PluginBearerAuthentication;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** {@link RequestIdentity} over Spring Security's context and the current request. */
@Component
public class HostRequestIdentity implements RequestIdentity {

	private final HostCurrentUser currentUser;

	private final ClientAddressResolver clientAddressResolver;

	private final BaseUrlResolver baseUrlResolver;

	public HostRequestIdentity(HostCurrentUser currentUser, ClientAddressResolver clientAddressResolver,
			BaseUrlResolver baseUrlResolver) {
		this.currentUser = currentUser;
		this.clientAddressResolver = clientAddressResolver;
		this.baseUrlResolver = baseUrlResolver;
	}

	@Override
	public Optional<LauncherUser> currentUser() {
		return this.currentUser.get();
	}

	@Override
	public <T> Optional<T> bearerPrincipal(Class<T> type) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof PluginBearerAuthentication bearer && type.isInstance(bearer.getPrincipal())) {
			return Optional.of(type.cast(bearer.getPrincipal()));
		}
		return Optional.empty();
	}

	@Override
	public String requestId() {
		HttpServletRequest request = currentRequest();
		Object id = (request != null) ? request.getAttribute(RequestIdFilter.ATTRIBUTE) : null;
		return (id != null) ? id.toString() : "-";
	}

	@Override
	public String clientAddress() {
		HttpServletRequest request = currentRequest();
		return (request != null) ? this.clientAddressResolver.resolve(request) : "-";
	}

	@Override
	public URI baseUrl() {
		HttpServletRequest request = currentRequest();
		return (request != null) ? this.baseUrlResolver.resolve(request) : this.baseUrlResolver.configured();
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
