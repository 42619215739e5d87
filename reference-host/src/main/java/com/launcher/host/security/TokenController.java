package com.launcher.host.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.config.HostProperties;
import com.launcher.host.web.HostCurrentUser;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues a short-lived JWT for the signed-in human, for scripts that call REST APIs with
 * a bearer token ({@code POST /launcher/api/token}).
 */
@RestController
class TokenController {

	private final JwtEncoder encoder;

	private final HostCurrentUser currentUser;

	private final Duration ttl;

	TokenController(JwtEncoder encoder, HostCurrentUser currentUser, HostProperties properties) {
		this.encoder = encoder;
		this.currentUser = currentUser;
		this.ttl = Duration.ofMinutes(properties.security().jwtTtlMinutes());
	}

	@PostMapping("/launcher/api/token")
	Map<String, Object> token() {
		LauncherUser user = this.currentUser.require();
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("launcher")
			.subject(user.username())
			.issuedAt(now)
			.expiresAt(now.plus(this.ttl))
			.claim("uid", user.id().toString())
			.build();
		String jwt = this.encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
		return Map.of("access_token", jwt, "token_type", "Bearer", "expires_in", this.ttl.toSeconds());
	}

}
