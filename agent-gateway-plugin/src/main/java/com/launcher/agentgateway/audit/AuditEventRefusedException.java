package com.launcher.agentgateway.audit;

/**
 * The store refused an event for its data, not for being unavailable: appending the same
 * event again would fail again, while the other events of its group can be stored.
 * {@link GroupedAuditAppender} catches it.
 */
public class AuditEventRefusedException extends RuntimeException {

	public AuditEventRefusedException(Throwable cause) {
		super("An audit event was refused for its data", cause);
	}

}
