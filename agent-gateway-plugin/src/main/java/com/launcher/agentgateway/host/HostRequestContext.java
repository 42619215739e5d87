package com.launcher.agentgateway.host;

import com.launcher.agentgateway.core.RequestContext;
import com.launcher.host.api.web.RequestIdentity;

/** The current request's id and client address, as the host resolved them. */
public class HostRequestContext implements RequestContext {

	private final RequestIdentity identity;

	public HostRequestContext(RequestIdentity identity) {
		this.identity = identity;
	}

	@Override
	public String requestId() {
		return this.identity.requestId();
	}

	@Override
	public String clientAddress() {
		return this.identity.clientAddress();
	}

}
