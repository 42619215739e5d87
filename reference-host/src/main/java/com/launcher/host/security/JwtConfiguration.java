package com.launcher.host.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.host.config.HostProperties;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The host's own JWTs (its REST API's bearer tokens, issued by
 * {@code /launcher/api/token}): HMAC-SHA-256 with one key from
 * {@code launcher.security.jwt-secret}, generated per run in demo mode only.
 */
@Configuration(proxyBeanMethods = false)
class JwtConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(JwtConfiguration.class);

	@Bean
	SecretKey jwtKey(HostProperties properties) {
		String secret = properties.security().jwtSecret();
		if (secret == null || secret.isBlank()) {
			if (!properties.demo()) {
				throw new IllegalStateException("launcher.security.jwt-secret must be set (at least 32 bytes)");
			}
			byte[] random = new byte[32];
			new SecureRandom().nextBytes(random);
			secret = Base64.getEncoder().encodeToString(random);
			logger.info("Demo mode: generated a JWT signing key for this run");
		}
		byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
		if (bytes.length < 32) {
			throw new IllegalStateException("launcher.security.jwt-secret must be at least 32 bytes");
		}
		return new SecretKeySpec(bytes, "HmacSHA256");
	}

	@Bean
	JwtDecoder jwtDecoder(SecretKey jwtKey) {
		return NimbusJwtDecoder.withSecretKey(jwtKey).macAlgorithm(MacAlgorithm.HS256).build();
	}

	@Bean
	JwtEncoder jwtEncoder(SecretKey jwtKey) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(jwtKey));
	}

}
