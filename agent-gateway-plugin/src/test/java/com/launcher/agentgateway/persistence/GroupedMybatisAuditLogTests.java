package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.audit.AuditAppender;
import com.launcher.agentgateway.audit.GroupedAuditAppender;

/**
 * Every audit log test on PostgreSQL again, with the log as the plugin wires it: grouped
 * appends over the stored appender.
 */
class GroupedMybatisAuditLogTests extends MybatisAuditLogTests {

	@Override
	protected AuditAppender wrap(MybatisAuditAppender stored) {
		return new GroupedAuditAppender(stored, 64);
	}

}
