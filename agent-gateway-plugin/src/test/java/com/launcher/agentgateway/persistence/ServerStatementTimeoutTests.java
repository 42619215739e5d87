package com.launcher.agentgateway.persistence;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mybatis.spring.SqlSessionTemplate;

import org.springframework.dao.DataAccessException;

import com.launcher.agentgateway.config.PersistenceConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServerStatementTimeoutTests {

	private static final Duration BOUND = Duration.ofSeconds(4);

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static HikariDataSource serverBound;

	@BeforeAll
	static void openServerBoundPool() {
		serverBound = TestDatabase.pool(DATABASE.dataSource(), "-c statement_timeout=1500");
	}

	@AfterAll
	static void closeServerBoundPool() {
		serverBound.close();
	}

	@Test
	void readWhenTheSessionsStartWithATimeoutThenItInMilliseconds() throws Exception {
		assertThat(ServerStatementTimeout.read(serverBound)).isEqualTo(Duration.ofMillis(1500));
		assertThat(ServerStatementTimeout.read(DATABASE.dataSource())).isZero();
	}

	@Test
	void driverTimeoutWhenTheServerBoundsWithinTheGatewaysThenNone() throws Exception {
		assertThat(ServerStatementTimeout.driverTimeout(serverBound, BOUND)).isNull();
		assertThat(ServerStatementTimeout.driverTimeout(serverBound, Duration.ofMillis(1500))).isNull();
	}

	@Test
	void driverTimeoutWhenTheServerBoundsNothingOrLongerThenTheGatewaysBound() throws Exception {
		assertThat(ServerStatementTimeout.driverTimeout(DATABASE.dataSource(), BOUND)).isEqualTo(BOUND);
		assertThat(ServerStatementTimeout.driverTimeout(serverBound, Duration.ofSeconds(1)))
			.isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void sqlSessionFactoryWhenTheServerBoundsThenWritesSetNoDriverTimerAndALockedWriteIsEndedByTheServer()
			throws Exception {
		CountingDataSource counting = new CountingDataSource(serverBound);
		SqlSessionFactory factory = PersistenceConfiguration.sqlSessionFactory(counting.dataSource(),
				ServerStatementTimeout.driverTimeout(counting.dataSource(), BOUND));
		assertThat(factory.getConfiguration().getDefaultStatementTimeout()).isNull();
		MybatisSourceThrottle throttle = new MybatisSourceThrottle(new SqlSessionTemplate(factory), 1_000,
				Duration.ofMinutes(3), Duration.ofHours(1));
		throttle.recordFailure("192.0.2.44");
		counting.reset();

		try (Connection holder = DATABASE.dataSource().getConnection(); Statement lock = holder.createStatement()) {
			holder.setAutoCommit(false);
			lock.execute("SELECT * FROM agw_auth_failure WHERE source_address = '192.0.2.44' FOR UPDATE");
			long started = System.nanoTime();
			// The write waits for the row; PostgreSQL, not the driver, gives up on it.
			assertThatExceptionOfType(DataAccessException.class).isThrownBy(() -> throttle.recordFailure("192.0.2.44"))
				.withStackTraceContaining("canceling statement due to statement timeout");
			long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			assertThat(tookMillis).isBetween(1_400L, 3_900L);
			holder.rollback();
		}
		assertThat(counting.queryTimeouts()).isEmpty();
	}

	@Test
	void sqlSessionFactoryWhenTheServerBoundsNothingThenEveryWriteKeepsTheDriverTimer() throws Exception {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		SqlSessionFactory factory = PersistenceConfiguration.sqlSessionFactory(counting.dataSource(),
				ServerStatementTimeout.driverTimeout(counting.dataSource(), BOUND));
		MybatisSourceThrottle throttle = new MybatisSourceThrottle(new SqlSessionTemplate(factory), 1_000,
				Duration.ofMinutes(3), Duration.ofHours(1));
		counting.reset();

		throttle.recordFailure("192.0.2.45");

		assertThat(counting.queryTimeouts()).containsExactly(4);
	}

}
