package com.launcher.agentgateway.core;

/** The request being served on this thread, for audit correlation. */
public interface RequestContext {

	/** The host's request id, or {@code "-"}. */
	String requestId();

	/** The client address from trusted headers only, or {@code "-"}. */
	String clientAddress();

	RequestContext NONE = new RequestContext() {

		@Override
		public String requestId() {
			return "-";
		}

		@Override
		public String clientAddress() {
			return "-";
		}

	};

}
