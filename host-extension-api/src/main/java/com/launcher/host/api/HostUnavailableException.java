package com.launcher.host.api;

/**
 * A host service could not answer (database down, directory unreachable). Callers that
 * decide access must treat it as a refusal: fail closed.
 */
public class HostUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public HostUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
