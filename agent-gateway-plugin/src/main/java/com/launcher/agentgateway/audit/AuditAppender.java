package com.launcher.agentgateway.audit;

import java.util.List;

/** Where audit events are stored, each linked to the chain after the one before it. */
public interface AuditAppender {

	/**
	 * Appends the events in the given order, all or none.
	 * @throws AuditEventRefusedException when the store refuses an event's data (a value
	 * too long for its column, for example); other failures throw as they come
	 */
	void appendAll(List<AuditEvent> events);

	default void append(AuditEvent event) {
		appendAll(List.of(event));
	}

}
