package com.launcher.agentgateway.persistence;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

import com.launcher.agentgateway.token.SourceThrottle;
import com.launcher.agentgateway.token.SourceThrottleContractTests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class MybatisSourceThrottleTests extends SourceThrottleContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	@Test
	void recordFailureWhenCountedOrRefusedThenOneStatementAndARefusedSourcesRowIsLeftAsItWas() {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		MybatisSourceThrottle throttle = new MybatisSourceThrottle(TestDatabase.sessions(counting.dataSource()), 2,
				Duration.ofMinutes(3), Duration.ofHours(1));
		NamedParameterJdbcTemplate jdbc = TestDatabase.jdbc(DATABASE.dataSource());
		Map<String, String> source = Map.of("source", "203.0.113.77");
		throttle.recordFailure("203.0.113.77");
		counting.reset();

		assertThat(throttle.recordFailure("203.0.113.77").refusal()).isPresent();
		assertThat(counting.statements()).isEqualTo(1);
		Map<String, Object> blocked = jdbc.queryForMap("SELECT failures, window_start, blocked_until,"
				+ " xmin::text AS version FROM agw_auth_failure WHERE source_address = :source", source);
		counting.reset();

		assertThat(throttle.recordFailure("203.0.113.77").refusedAlready()).isTrue();
		assertThat(counting.statements()).isEqualTo(1);
		assertThat(jdbc.queryForMap("SELECT failures, window_start, blocked_until, xmin::text AS version"
				+ " FROM agw_auth_failure WHERE source_address = :source", source))
			.isEqualTo(blocked);
	}

	@Test
	void recordFailureThenItsOwnTransactionCommitsWithoutWaitingForTheWalFlushAndTheSessionKeepsItsSetting()
			throws SQLException {
		// One connection, so that the statements after the count run in the count's
		// session.
		SingleConnectionDataSource session = new SingleConnectionDataSource(DATABASE.dataSource().getConnection(),
				true);
		try {
			MybatisSourceThrottle throttle = new MybatisSourceThrottle(TestDatabase.sessions(session), 30,
					Duration.ofMinutes(3), Duration.ofHours(1));
			NamedParameterJdbcTemplate jdbc = TestDatabase.jdbc(session);
			String setting = "SELECT current_setting('synchronous_commit')";
			// PostgreSQL's default, which the test server (like zonky's) turns off.
			jdbc.getJdbcTemplate().execute("SET synchronous_commit = on");

			String inItsTransaction = TestDatabase.transactions(session).execute((status) -> {
				throttle.recordFailure("203.0.113.78");
				return jdbc.getJdbcTemplate().queryForObject(setting, String.class);
			});
			throttle.recordFailure("203.0.113.78");

			assertThat(inItsTransaction).isEqualTo("off");
			assertThat(jdbc.getJdbcTemplate().queryForObject(setting, String.class)).isEqualTo("on");
			assertThat(jdbc.getJdbcTemplate()
				.queryForObject("SELECT failures FROM agw_auth_failure WHERE source_address = '203.0.113.78'",
						Integer.class))
				.isEqualTo(2);
		}
		finally {
			session.destroy();
		}
	}

	@Override
	protected SourceThrottle throttle(int maxFailures, Duration window, Duration blockFor) {
		return new MybatisSourceThrottle(TestDatabase.sessions(DATABASE.dataSource()), maxFailures, window, blockFor);
	}

}
