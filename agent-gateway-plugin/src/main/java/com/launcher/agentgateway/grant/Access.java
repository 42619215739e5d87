package com.launcher.agentgateway.grant;

/** What a grant allows. WRITE includes READ. */
public enum Access {

	READ, WRITE;

	public boolean allows(Access needed) {
		return this == WRITE || needed == READ;
	}

}
