package com.launcher.agentgateway.web;

import java.net.URI;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;

/**
 * One audit event as the pages show it: who (by name), what, and for a write the card it
 * changed, by its readable id and title with a link into Tasker when one is known (threat
 * model: the UI displays agent-originated changes).
 *
 * @param seq position in the chain
 * @param event the event
 * @param agentName the agent's name, when the event names an agent
 * @param ownerName the owner's display name
 * @param actorName who acted: "agent", a person's name, or the system component
 * @param cardId the card's readable id ({@code WEB-12}), when the event names one
 * @param cardTitle the card's title as it was written
 * @param cardLink where the card opens in Tasker, or null
 */
record AuditRow(long seq, AuditEvent event, String agentName, String ownerName, String actorName, String cardId,
		String cardTitle, URI cardLink) {

	/**
	 * The details keys under which the call pipeline records a written card's readable id
	 * and its title (cut to 200 characters).
	 */
	static final String CARD_ID_DETAIL = "identifier";

	static final String CARD_TITLE_DETAIL = "title";

	static String cardId(StoredAuditEvent stored) {
		return stored.event().details().get(CARD_ID_DETAIL);
	}

	static String cardTitle(StoredAuditEvent stored) {
		return stored.event().details().get(CARD_TITLE_DETAIL);
	}

}
