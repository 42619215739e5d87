package com.launcher.host.api.secret;

/**
 * Keyed operations with secrets the host holds for the plugin (for example a token
 * pepper). The key material never leaves the host, so a plugin cannot print it into a
 * page or a log.
 */
public interface Secrets {

	/**
	 * HMAC-SHA-256 of a message with the named secret as key.
	 * @param secretName the secret's name, for example {@code token-pepper}
	 * @param message the message
	 * @return the 32-byte MAC
	 * @throws UnknownSecretException when the host has no such secret for this plugin
	 */
	byte[] hmacSha256(String secretName, byte[] message);

}
