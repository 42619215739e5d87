package com.launcher.agentgateway.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.TestAuditEvents;
import com.launcher.agentgateway.policy.Policy;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

/**
 * Not a test (surefire never selects it): prints the plans PostgreSQL chooses for the
 * statements every request runs, on tables with realistic rows, exactly as the stores
 * send them (the text and the bound values are captured from the driver and replayed
 * under {@code EXPLAIN}). Run by hand, see docs/BENCHMARKS.md:
 * {@code mvn -B -q verify -pl agent-gateway-plugin -am -Dtest=HotStatementPlansBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true}; the output is in
 * {@code target/surefire-reports/…HotStatementPlansBenchmark-output.txt}.
 */
class HotStatementPlansBenchmark {

	@Test
	void printPlans() throws Exception {
		try (HikariDataSource database = TestDatabase.newDatabase()) {
			fill(database);
			CountingDataSource counting = new CountingDataSource(database);
			Stores stores = Stores.over(counting.dataSource());
			byte[] hash = MessageDigest.getInstance("SHA-256").digest("t42".getBytes(StandardCharsets.UTF_8));
			UUID agent = uuidOf(database, "a42");
			Policy policy = Policy.defaults();
			List<AuditEvent> group = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				group.add(TestAuditEvents.full());
			}
			List<String> names = List.of("token look-up", "rate-limit upsert", "audit append", "audit group of 8");
			List<Runnable> calls = List.of(() -> stores.tokens().findPresented(hash, "198.51.100.7"),
					() -> stores.rates().tryAcquireAll(agent, policy, 1),
					() -> stores.audit().append(TestAuditEvents.full()), () -> stores.audit().appendAll(group));
			for (int i = 0; i < calls.size(); i++) {
				counting.reset();
				calls.get(i).run();
				List<CountingDataSource.Captured> sent = counting.captured();
				System.out.println("=== " + names.get(i) + ": " + counting.statements() + " statement(s)");
				CountingDataSource.Captured last = sent.get(sent.size() - 1);
				System.out.println(last.sql());
				System.out.println("binds: " + last.binds()
					.stream()
					.map((bind) -> bind.method().getName() + "("
							+ ((bind.args()[1] != null) ? bind.args()[1].getClass().getSimpleName() : "null") + ")")
					.toList());
				System.out.println("--- EXPLAIN");
				explain(database, last, "EXPLAIN ", "SELECT 1").forEach(System.out::println);
				System.out.println("--- EXPLAIN (ANALYZE, BUFFERS), rolled back");
				// The events the call appended go first, so the replay may append them
				// again.
				explain(database, last, "EXPLAIN (ANALYZE, BUFFERS) ",
						"DELETE FROM agw_audit_event WHERE seq > 1000000")
					.forEach(System.out::println);
			}
		}
	}

	/**
	 * Times the hot calls one after another on one thread, on a small database: what a
	 * store adds per call on the client (the statements are the same).
	 */
	@Test
	void timeHotCalls() throws Exception {
		try (HikariDataSource database = TestDatabase.newDatabase()) {
			Stores stores = Stores.over(database);
			byte[] hash = MessageDigest.getInstance("SHA-256").digest("t42".getBytes(StandardCharsets.UTF_8));
			Policy policy = new Policy(90, 30, 10_000, 1, 100_000, 200, 15, 24, false);
			UUID agent = UUID.randomUUID();
			List<String> names = List.of("token look-up", "rate-limit upsert", "audit append");
			List<Runnable> calls = List.of(() -> stores.tokens().findPresented(hash, "198.51.100.7"),
					() -> stores.rates().tryAcquireAll(agent, policy, 1),
					() -> stores.audit().append(TestAuditEvents.full()));
			for (int round = 0; round < 3; round++) {
				for (int i = 0; i < calls.size(); i++) {
					for (int n = 0; n < 2_000; n++) {
						calls.get(i).run();
					}
					long start = System.nanoTime();
					for (int n = 0; n < 5_000; n++) {
						calls.get(i).run();
					}
					System.out.printf("round %d, %s: %.1f us per call%n", round, names.get(i),
							(System.nanoTime() - start) / 5_000 / 1_000.0);
				}
			}
		}
	}

	/** The stores under measurement: the one place to change when they are rewritten. */
	record Stores(MybatisTokenStore tokens, MybatisRateLimiter rates, MybatisAuditAppender audit) {

		static Stores over(DataSource dataSource) {
			var sessions = TestDatabase.sessions(dataSource);
			MybatisAuditAppender audit = new MybatisAuditAppender(sessions, TestDatabase.transactions(dataSource),
					TestAuditEvents.KEY);
			// The plugin keys the chain at start; the filled chain's events have plain
			// links, as an upgrade's would.
			audit.startKeyedChain(true);
			// A running node appends after the head it wrote: the statement every request
			// runs, which the plans and times are about.
			audit.append(TestAuditEvents.full());
			return new Stores(new MybatisTokenStore(sessions, "default"), new MybatisRateLimiter(sessions), audit);
		}

	}

	static List<String> explain(DataSource database, CountingDataSource.Captured captured, String prefix, String before)
			throws Exception {
		List<String> plan = new ArrayList<>();
		try (Connection connection = database.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute(before);
			}
			try (PreparedStatement statement = connection.prepareStatement(prefix + captured.sql())) {
				captured.bindTo(statement);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						plan.add(rows.getString(1));
					}
				}
			}
			finally {
				connection.rollback();
			}
		}
		return plan;
	}

	private static UUID uuidOf(DataSource database, String seed) throws Exception {
		try (Connection connection = database.getConnection();
				PreparedStatement statement = connection.prepareStatement("SELECT CAST(md5(?) AS uuid)")) {
			statement.setString(1, seed);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getObject(1, UUID.class);
			}
		}
	}

	/**
	 * 10,000 agents of 2,000 owners, 100,000 tokens, 30,000 grants, 5,000 failing
	 * sources, 10,000 rate rows and a million audit events.
	 */
	private static void fill(DataSource database) throws Exception {
		try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("INSERT INTO agw_agent (id, owner_user_id, created_by, name, status, created_at,"
					+ " updated_at) SELECT CAST(md5('a' || i) AS uuid), CAST(md5('o' || (i % 2000)) AS uuid),"
					+ " CAST(md5('o' || (i % 2000)) AS uuid), 'agent-' || i, 'ENABLED', now(), now()"
					+ " FROM generate_series(1, 10000) i");
			statement.execute("INSERT INTO agw_token (id, agent_id, family_id, token_hash, hint, status, created_by,"
					+ " created_at, expires_at) SELECT CAST(md5('t' || i) AS uuid),"
					+ " CAST(md5('a' || (i % 10000 + 1)) AS uuid), CAST(md5('t' || i) AS uuid),"
					+ " sha256(CAST('t' || i AS bytea)), 'agw_...' || (i % 10000),"
					+ " CASE WHEN i % 5 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END, CAST(md5('o1') AS uuid), now(),"
					+ " now() + interval '30 days' FROM generate_series(1, 100000) i");
			statement.execute("INSERT INTO agw_grant (id, agent_id, workspace, project_id, project_identifier,"
					+ " project_name, access, created_by, created_at) SELECT CAST(md5('g' || i) AS uuid),"
					+ " CAST(md5('a' || (i % 10000 + 1)) AS uuid), 'demo', CAST(md5('p' || (i / 10000)) AS uuid),"
					+ " 'P' || (i / 10000), 'Project', 'READ', CAST(md5('o1') AS uuid), now()"
					+ " FROM generate_series(0, 29999) i");
			statement.execute("INSERT INTO agw_auth_failure (source_address, window_start, failures)"
					+ " SELECT '10.1.' || (i / 256) || '.' || (i % 256), now(), 1 FROM generate_series(1, 5000) i");
			statement.execute("INSERT INTO agw_agent_rate (agent_id, burst_tokens, minute_tokens, refilled_at)"
					+ " SELECT CAST(md5('a' || i) AS uuid), 20, 120, now() FROM generate_series(1, 10000) i");
			statement.execute("INSERT INTO agw_audit_event (seq, id, occurred_at, agent_id, owner_user_id,"
					+ " actor_type, actor_id, action, outcome, request_id, source_address, details, prev_hash, hash)"
					+ " SELECT i, CAST(md5('e' || i) AS uuid), now() - interval '1 second' * (1000000 - i),"
					+ " CAST(md5('a' || (i % 10000 + 1)) AS uuid), CAST(md5('o' || (i % 2000)) AS uuid), 'AGENT',"
					+ " 'x', 'token.use', 'ALLOWED', 'req-' || i, '10.0.0.1', '{}', sha256(CAST('p' || i AS bytea)),"
					+ " sha256(CAST('h' || i AS bytea)) FROM generate_series(1, 1000000) i");
			statement.execute("UPDATE agw_audit_head SET last_seq = 1000000, prev_hash = sha256(CAST('h999999' AS"
					+ " bytea)), last_hash = sha256(CAST('h1000000' AS bytea))");
			statement.execute("VACUUM ANALYZE");
		}
	}

}
