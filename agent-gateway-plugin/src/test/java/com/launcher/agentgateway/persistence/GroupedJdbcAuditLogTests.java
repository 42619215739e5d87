package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.GroupedAuditLog;

/**
 * Every audit log test on PostgreSQL again, with the log as the plugin wires it: grouped
 * appends over the stored log.
 */
class GroupedJdbcAuditLogTests extends JdbcAuditLogTests {

	@Override
	protected AuditLog wrap(JdbcAuditLog stored) {
		return new GroupedAuditLog(stored, stored, 64);
	}

}
