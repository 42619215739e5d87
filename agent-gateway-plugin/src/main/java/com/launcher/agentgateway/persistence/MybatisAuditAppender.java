package com.launcher.agentgateway.persistence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.audit.AuditAppender;
import com.launcher.agentgateway.audit.AuditChain;
import com.launcher.agentgateway.audit.AuditDetails;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEventRefusedException;
import org.apache.ibatis.session.SqlSession;

import org.springframework.dao.DataIntegrityViolationException;

/**
 * Appends audit events to {@code agw_audit_event}, linked to the chain inside PostgreSQL:
 * one statement for one event, one statement for a group (see {@code AuditMapper.xml}).
 */
public class MybatisAuditAppender implements AuditAppender {

	/** The statements' parameter names, in the order of {@link #values}. */
	private static final String[] NAMES = { "tail", "id", "at", "agent", "owner", "actorType", "actorId", "action",
			"targetType", "targetId", "outcome", "reason", "requestId", "source", "tokenId", "tokenHint", "details" };

	private final AuditMapper audit;

	public MybatisAuditAppender(SqlSession sessions) {
		this.audit = sessions.getMapper(AuditMapper.class);
	}

	@Override
	public void appendAll(List<AuditEvent> events) {
		try {
			if (events.size() == 1) {
				this.audit.append(single(values(events.get(0))));
			}
			else if (!events.isEmpty()) {
				this.audit.appendAll(columns(events));
			}
		}
		catch (DataIntegrityViolationException ex) {
			// A value the columns refuse (too long, for example): the same event would be
			// refused again, while the others of its group would not.
			throw new AuditEventRefusedException(ex);
		}
	}

	private static Map<String, String> single(String[] values) {
		Map<String, String> event = new HashMap<>();
		for (int i = 0; i < NAMES.length; i++) {
			event.put(NAMES[i], values[i]);
		}
		return event;
	}

	private static Map<String, String[]> columns(List<AuditEvent> events) {
		String[][] columns = new String[NAMES.length][events.size()];
		for (int row = 0; row < events.size(); row++) {
			String[] values = values(events.get(row));
			for (int i = 0; i < NAMES.length; i++) {
				columns[i][row] = values[i];
			}
		}
		Map<String, String[]> byName = new HashMap<>();
		for (int i = 0; i < NAMES.length; i++) {
			byName.put(NAMES[i], columns[i]);
		}
		return byName;
	}

	/**
	 * An event as text, the canonical tail first, in {@link #NAMES}' order: both
	 * statements cast each value to its column's type, so one encoding serves both.
	 */
	private static String[] values(AuditEvent event) {
		return new String[] { AuditChain.canonicalAfterSeq(event), text(event.id()), event.occurredAt().toString(),
				text(event.agentId()), text(event.ownerUserId()), event.actorType().name(), event.actorId(),
				event.action(), event.targetType(), event.targetId(), event.outcome().name(), event.reason(),
				event.requestId(), event.sourceAddress(), text(event.tokenId()), event.tokenHint(),
				AuditDetails.encode(event.details()) };
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

}
