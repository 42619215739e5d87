package com.launcher.host.security;

import com.launcher.host.api.user.LauncherUser;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps a JWT's subject to the Launcher user it names; users who may not act now (not
 * active, or a demo user outside demo mode) are refused even with an unexpired JWT.
 */
final class LauncherJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final SignInPolicy users;

	LauncherJwtConverter(SignInPolicy users) {
		this.users = users;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		LauncherUser user = this.users.activeUser(jwt.getSubject())
			.orElseThrow(() -> new DisabledException("User is not active"));
		return new JwtAuthenticationToken(jwt, SecurityConfiguration.authorities(user), user.username());
	}

}
