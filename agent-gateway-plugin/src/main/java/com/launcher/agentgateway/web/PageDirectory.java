package com.launcher.agentgateway.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.agent.OwnerDirectory;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;
import com.launcher.agentgateway.grant.Grant;

/**
 * Names for the pages: people by display name (one directory lookup per person per page,
 * not per row) and stored audit events as {@link AuditRow}s with, for a written card, its
 * link into Tasker.
 */
public class PageDirectory {

	private final OwnerDirectory owners;

	private final CardLinks links;

	public PageDirectory(OwnerDirectory owners, CardLinks links) {
		this.owners = owners;
		this.links = links;
	}

	/**
	 * @param events the events, as the audit query returned them
	 * @param agentNames names of the agents the page knows
	 * @param people a cache of display names by user id, filled as needed
	 * @param grants the grants whose workspaces the card links may use
	 */
	List<AuditRow> auditRows(List<StoredAuditEvent> events, Map<UUID, String> agentNames, Map<UUID, String> people,
			List<Grant> grants) {
		List<AuditRow> rows = new ArrayList<>(events.size());
		for (StoredAuditEvent stored : events) {
			AuditEvent event = stored.event();
			String cardId = AuditRow.cardId(stored);
			rows.add(new AuditRow(stored.seq(), event,
					(event.agentId() != null) ? agentNames.getOrDefault(event.agentId(), shortId(event.agentId()))
							: null,
					person(people, event.ownerUserId()), actor(event, people), cardId, AuditRow.cardTitle(stored),
					link(cardId, grants)));
		}
		return rows;
	}

	private String actor(AuditEvent event, Map<UUID, String> people) {
		return switch (event.actorType()) {
			case AGENT -> "Agent";
			case USER -> person(people, uuid(event.actorId()));
			case SYSTEM -> (event.actorId() != null) ? event.actorId() : "Gateway";
		};
	}

	String person(Map<UUID, String> people, UUID userId) {
		if (userId == null) {
			return "—";
		}
		return people.computeIfAbsent(userId, (id) -> this.owners.find(id).map(Owner::displayName).orElse(shortId(id)));
	}

	// A card is linked through the grant of its project (WEB of WEB-12), which says the
	// workspace; without one the readable id stands alone.
	private URI link(String cardId, List<Grant> grants) {
		if (cardId == null || cardId.indexOf('-') <= 0) {
			return null;
		}
		String project = cardId.substring(0, cardId.lastIndexOf('-'));
		return grants.stream()
			.filter((g) -> project.equalsIgnoreCase(g.projectIdentifier()))
			.findFirst()
			.flatMap((g) -> this.links.link(g.workspace(), cardId))
			.orElse(null);
	}

	private static UUID uuid(String text) {
		try {
			return (text != null) ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String shortId(UUID id) {
		return PageFormat.INSTANCE.shortId(id);
	}

}
