package com.launcher.agentgateway.persistence;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.launcher.agentgateway.audit.AuditRetention;
import com.launcher.agentgateway.audit.TestAuditEvents;
import com.launcher.agentgateway.core.TestFailures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plugin logs of a database failure in its background passes: the type and the
 * SQLState, the server for a connection's failure, never a row's values.
 */
class SqlFailuresTests {

	@Test
	void describeWhenAConstraintRefusesARowThenNamesTheSqlStateButNotTheMessageThatQuotesIt() {
		SQLException refused = new SQLException(
				"ERROR: duplicate key value violates unique constraint; Key (details)=(card WEB-7 secret plan)",
				"23505");

		String described = SqlFailures.describe(new DataIntegrityViolationException("insert failed", refused));

		assertThat(described).isEqualTo("DataIntegrityViolationException, SQLState 23505");
	}

	@Test
	void describeWhenNoDriverFailureIsAmongTheCausesThenNamesOnlyTheType() {
		assertThat(SqlFailures.describe(new IllegalStateException("event values: WEB-7 secret plan")))
			.isEqualTo("IllegalStateException");
	}

	@Test
	@Timeout(10)
	void describeWhenTheCausesLoopThenItAnswersInsteadOfWalkingForEver() {
		assertThat(SqlFailures.describe(TestFailures.looping())).isEqualTo("IllegalStateException");
	}

	@Test
	void retentionWhenTheDatabaseIsAwayThenTheLogNamesTheSqlStateAndTheServer() {
		// Nothing listens on port 1: the connection is refused at once.
		DriverManagerDataSource away = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/agw", "postgres", "");
		AuditRetention retention = new AuditRetention(
				new MybatisAuditPruner(TestDatabase.sessions(away), TestDatabase.transactions(away),
						TestAuditEvents.KEY),
				Duration.ofDays(90), Duration.ofHours(1), Clock.systemUTC(), SqlFailures::describe);

		List<String> logged = LoggedLines.of(AuditRetention.class, () -> assertThat(retention.runOnce()).isZero());

		assertThat(logged).singleElement()
			.asString()
			.contains("Audit retention failed; retrying in PT1H", "SQLState 08001", "127.0.0.1:1");
	}

}
