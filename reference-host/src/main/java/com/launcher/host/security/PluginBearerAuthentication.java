package com.launcher.host.security;

import java.util.Collection;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An authentication made by a plugin's introspector: the principal is the plugin's own
 * object.
 */
public final class PluginBearerAuthentication extends AbstractAuthenticationToken {

	private static final long serialVersionUID = 1L;

	private final transient Object principal;

	private final String name;

	PluginBearerAuthentication(Object principal, String name, Collection<? extends GrantedAuthority> authorities) {
		super(authorities);
		this.principal = principal;
		this.name = name;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		// The token itself is not kept once introspected.
		return "";
	}

	@Override
	public Object getPrincipal() {
		return this.principal;
	}

	@Override
	public String getName() {
		return this.name;
	}

}
