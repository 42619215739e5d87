package com.launcher.agentgateway.oauth;

import java.util.Set;

/**
 * The scopes of the authorization server. {@value #TASKER} lets a client act as the
 * consenting person's chosen agent, within that agent's grants: what the agent may do is
 * decided by its grants, which the person sets on the consent page, not by scope strings.
 * {@code offline_access} is accepted (refresh tokens are always issued) but not
 * advertised.
 */
public final class Scopes {

	/** The one scope a client can be granted. */
	public static final String TASKER = "tasker";

	/** The scopes published in the metadata documents. */
	public static final Set<String> SUPPORTED = Set.of(TASKER);

	private static final Set<String> ACCEPTED = Set.of(TASKER, "offline_access");

	private Scopes() {
	}

	/**
	 * The scope granted for a requested one: {@value #TASKER}, whether it was asked for
	 * or not.
	 * @param requested the requested scope values, or {@code null}
	 * @param error the error to answer for an unknown value
	 * @return the granted scope
	 * @throws OAuthException when a value is unknown
	 */
	public static String grant(Set<String> requested, OAuthError error) {
		if (requested != null) {
			for (String value : requested) {
				if (!ACCEPTED.contains(value)) {
					throw new OAuthException(error, "unknown_scope", "The requested scope is not supported.");
				}
			}
		}
		return TASKER;
	}

}
