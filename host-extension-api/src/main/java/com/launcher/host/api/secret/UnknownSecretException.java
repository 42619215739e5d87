package com.launcher.host.api.secret;

/** The host holds no secret of that name for the calling plugin. */
public class UnknownSecretException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public UnknownSecretException(String secretName) {
		super("No secret named '" + secretName + "' is configured for this plugin");
	}

}
