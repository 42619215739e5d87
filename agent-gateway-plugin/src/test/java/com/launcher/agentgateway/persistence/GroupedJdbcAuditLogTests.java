package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditLogContractTests;
import com.launcher.agentgateway.audit.GroupedAuditLog;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.jdbc.core.JdbcTemplate;

/** The audit log as the plugin wires it: grouped appends over PostgreSQL. */
class GroupedJdbcAuditLogTests extends AuditLogContractTests {

	private static HikariDataSource dataSource;

	private static JdbcTemplate sql;

	@BeforeAll
	static void createDatabase() {
		dataSource = TestDatabase.newDatabase();
		sql = new JdbcTemplate(dataSource);
	}

	@AfterAll
	static void closeDatabase() {
		dataSource.close();
	}

	@Override
	protected AuditLog emptyAuditLog() {
		sql.update("DELETE FROM agw_audit_event");
		sql.update("UPDATE agw_audit_head SET last_seq = 0, last_hash = decode(repeat('00', 32), 'hex')");
		JdbcAuditLog stored = new JdbcAuditLog(TestDatabase.jdbc(dataSource));
		return new GroupedAuditLog(stored, stored, 64);
	}

}
