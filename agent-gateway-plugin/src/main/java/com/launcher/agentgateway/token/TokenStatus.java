package com.launcher.agentgateway.token;

/** A token's state. Only {@link #ACTIVE} tokens authenticate. */
public enum TokenStatus {

	ACTIVE, SUSPENDED, REVOKED, ROTATED

}
