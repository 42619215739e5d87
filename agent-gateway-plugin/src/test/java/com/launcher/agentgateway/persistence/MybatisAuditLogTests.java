package com.launcher.agentgateway.persistence;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.launcher.agentgateway.Concurrently;
import com.launcher.agentgateway.audit.AuditChain;
import com.launcher.agentgateway.audit.AuditDetails;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditLog.ChainVerification;
import com.launcher.agentgateway.audit.AuditLogContractTests;
import com.launcher.agentgateway.audit.AuditAppender;
import com.launcher.agentgateway.audit.AuditEventRefusedException;
import com.launcher.agentgateway.audit.GroupedAuditAppender;
import com.launcher.agentgateway.audit.StoredAuditLog;
import com.launcher.agentgateway.audit.TestAuditEvents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MybatisAuditLogTests extends AuditLogContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static JdbcTemplate sql;

	@BeforeAll
	static void createDatabase() {
		sql = new JdbcTemplate(DATABASE.dataSource());
	}

	@Override
	protected AuditLog emptyAuditLog() {
		sql.update("DELETE FROM agw_audit_event");
		sql.update("DELETE FROM agw_audit_anchor");
		sql.update("UPDATE agw_audit_head SET last_seq = 0, last_hash = decode(repeat('00', 32), 'hex'),"
				+ " keyed_from = NULL");
		MybatisAuditAppender stored = appender();
		stored.startKeyedChain(false);
		return new StoredAuditLog(wrap(stored), reader(), TestAuditEvents.KEY);
	}

	/** The appender under test around the stored one; the plugin groups appends. */
	protected AuditAppender wrap(MybatisAuditAppender stored) {
		return stored;
	}

	private static MybatisAuditAppender appender() {
		return new MybatisAuditAppender(TestDatabase.sessions(DATABASE.dataSource()),
				TestDatabase.transactions(DATABASE.dataSource()), TestAuditEvents.KEY);
	}

	private static MybatisAuditReader reader() {
		return new MybatisAuditReader(TestDatabase.sessions(DATABASE.dataSource()),
				TestDatabase.transactions(DATABASE.dataSource()));
	}

	private static MybatisAuditPruner pruner() {
		return new MybatisAuditPruner(TestDatabase.sessions(DATABASE.dataSource()),
				TestDatabase.transactions(DATABASE.dataSource()), TestAuditEvents.KEY);
	}

	/**
	 * One chain of {@code events}: every link holds, the positions have no gap, and the
	 * head is at the last one.
	 */
	private void assertOneUnbrokenChainOf(long events) {
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, events, null));
		assertThat(sql.queryForObject("SELECT max(seq) - min(seq) + 1 FROM agw_audit_event", Long.class))
			.isEqualTo(events);
		assertThat(sql.queryForObject("SELECT last_seq FROM agw_audit_head", Long.class)).isEqualTo(events);
	}

	@Test
	void appendAllWhenSeveralThenLinkedInOrderInOneTransaction() {
		MybatisAuditAppender stored = appender();
		this.log.append(TestAuditEvents.full());
		List<AuditEvent> group = List.of(TestAuditEvents.full(), TestAuditEvents.full(), TestAuditEvents.full());

		stored.appendAll(group);
		this.log.append(TestAuditEvents.full());

		assertThat(
				sql.queryForList("SELECT id FROM agw_audit_event ORDER BY seq OFFSET 1 LIMIT 3", java.util.UUID.class))
			.containsExactlyElementsOf(group.stream().map(AuditEvent::id).toList());
		// The event after the group links from the group's last one: the head moved
		// there.
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, 5, null));
		assertThat(sql.queryForObject("SELECT last_seq FROM agw_audit_head", Long.class)).isEqualTo(5);
	}

	@Test
	void appendWhenThisNodeWroteTheHeadThenOneStatementOtherwiseTwo() {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		MybatisAuditAppender stored = new MybatisAuditAppender(TestDatabase.sessions(counting.dataSource()),
				TestDatabase.transactions(counting.dataSource()), TestAuditEvents.KEY);

		// The links are HMACs under the host's key, made here. A node that does not know
		// the head locks and reads it, then inserts and moves it: two statements in one
		// transaction (its COMMIT the third round trip), whatever the group's size.
		stored.append(TestAuditEvents.full());
		assertThat(counting.statements()).as("first event").isEqualTo(2);
		// After a head it wrote itself, one statement checks the head and inserts.
		counting.reset();
		stored.appendAll(List.of(TestAuditEvents.full(), TestAuditEvents.full(), TestAuditEvents.full()));
		assertThat(counting.statements()).as("a group of three after its own head").isEqualTo(1);
		counting.reset();
		stored.append(TestAuditEvents.full());
		assertThat(counting.statements()).as("one event after its own head").isEqualTo(1);

		assertOneUnbrokenChainOf(5);
	}

	@Test
	void appendWhenAnotherNodeMovedTheHeadThenNothingIsLinkedToTheOldHeadAndTheGroupFollowsTheNewOne() {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		MybatisAuditAppender first = new MybatisAuditAppender(TestDatabase.sessions(counting.dataSource()),
				TestDatabase.transactions(counting.dataSource()), TestAuditEvents.KEY);
		MybatisAuditAppender second = appender();
		first.append(TestAuditEvents.full());
		second.appendAll(List.of(TestAuditEvents.full(), TestAuditEvents.full()));
		counting.reset();

		// The first node still believes the head is its own event: the check fails,
		// nothing is inserted, and the locked path links the group to the real head.
		first.appendAll(List.of(TestAuditEvents.full(), TestAuditEvents.full()));

		assertThat(counting.statements()).as("failed check, then lock and insert").isEqualTo(3);
		assertOneUnbrokenChainOf(5);
		counting.reset();
		first.append(TestAuditEvents.full());
		assertThat(counting.statements()).as("its own head again").isEqualTo(1);
		assertOneUnbrokenChainOf(6);
	}

	@Test
	void groupedAppendWhenTwoNodesAppendAtOnceThenOneUnbrokenChain() throws Exception {
		// Two nodes: each has its own grouped log over the same database, so their groups
		// meet only at the head's row lock.
		List<AuditLog> nodes = List.of(
				new StoredAuditLog(new GroupedAuditAppender(appender(), 64), reader(), TestAuditEvents.KEY),
				new StoredAuditLog(new GroupedAuditAppender(appender(), 64), reader(), TestAuditEvents.KEY));

		Concurrently.run(8, (thread) -> {
			for (int i = 0; i < 50; i++) {
				nodes.get(thread % 2).append(TestAuditEvents.full());
			}
		});

		assertOneUnbrokenChainOf(400);
	}

	@Test
	void appendAllWhenTwoNodesWriteGroupsAtOnceThenNoConflictAndOneChain() throws Exception {
		// Straight to the stores: a grouped log's one-by-one fallback could hide a
		// conflict between the two nodes' statements.
		List<MybatisAuditAppender> nodes = List.of(appender(), appender());

		Concurrently.run(8, (thread) -> {
			for (int i = 0; i < 20; i++) {
				nodes.get(thread % 2)
					.appendAll(List.of(TestAuditEvents.full(), TestAuditEvents.full(), TestAuditEvents.full()));
			}
		});

		assertOneUnbrokenChainOf(480);
	}

	@Test
	void appendAllWhenEventsHaveEmptyColumnsThenStoredAsNullAndTheChainVerifies() {
		MybatisAuditAppender stored = appender();
		AuditEvent literalNull = literalNull();

		stored.appendAll(List.of(
				TestAuditEvents.denied(UUID.randomUUID(), UUID.randomUUID(), TestAuditEvents.AT, "tool.list_states"),
				literalNull, TestAuditEvents.full()));

		assertThat(sql.queryForMap("SELECT target_id, token_id, reason, actor_id FROM agw_audit_event WHERE seq = 2"))
			.containsEntry("target_id", null)
			.containsEntry("token_id", null)
			.containsEntry("reason", "NULL")
			.containsEntry("actor_id", "NULL");
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, 3, null));
	}

	@Test
	void appendWhenOneEventFollowsItsOwnHeadThenItsValuesAreStoredAsAGroupStoresThemAndTheChainVerifies() {
		MybatisAuditAppender stored = appender();
		AuditEvent literalNull = literalNull();
		AuditEvent full = TestAuditEvents.full();
		stored.append(TestAuditEvents.full());

		// Each one alone after the head this appender wrote: bound value by value.
		stored.append(
				TestAuditEvents.denied(UUID.randomUUID(), UUID.randomUUID(), TestAuditEvents.AT, "tool.list_states"));
		stored.append(literalNull);
		stored.append(full);

		assertThat(sql.queryForMap("SELECT target_id, token_id, reason, actor_id FROM agw_audit_event WHERE seq = 2"))
			.containsEntry("target_id", null)
			.containsEntry("token_id", null);
		assertThat(sql.queryForMap("SELECT reason, actor_id FROM agw_audit_event WHERE seq = 3"))
			.containsEntry("reason", "NULL")
			.containsEntry("actor_id", "NULL");
		assertThat(sql.queryForObject("SELECT occurred_at = CAST(? AS timestamptz) FROM agw_audit_event WHERE seq = 4",
				Boolean.class, full.occurredAt().toString()))
			.isTrue();
		assertThat(sql.queryForObject(
				"SELECT prev_hash = (SELECT hash FROM agw_audit_event WHERE seq = 3)"
						+ " AND hash = (SELECT last_hash FROM agw_audit_head) FROM agw_audit_event WHERE seq = 4",
				Boolean.class))
			.isTrue();
		// The links are computed from the values as read back: every column is as linked.
		assertOneUnbrokenChainOf(4);
	}

	@Test
	void appendWhenOneEventAfterItsOwnHeadIsRefusedThenNothingIsStoredAndTheNextEventFollowsTheHead() {
		MybatisAuditAppender stored = appender();
		stored.append(TestAuditEvents.full());
		AuditEvent tooLong = tooLong();

		assertThatExceptionOfType(AuditEventRefusedException.class).isThrownBy(() -> stored.append(tooLong));
		stored.append(TestAuditEvents.full());

		assertOneUnbrokenChainOf(2);
	}

	@Test
	void verifyWhenTheNewestEventsAreDeletedThenReportsTheFirstMissingPosition() {
		for (int i = 0; i < 3; i++) {
			this.log.append(TestAuditEvents.full());
		}

		sql.update("DELETE FROM agw_audit_event WHERE seq = 3");
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(false, 2, 3L));

		sql.update("DELETE FROM agw_audit_event");
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(false, 0, 1L));
	}

	@Test
	void pruneWhenEventsOlderThanCutoffThenOnlyThoseGoAndTheRestStillVerifies() {
		MybatisAuditPruner stored = pruner();
		Instant old = TestAuditEvents.AT;
		Instant recent = old.plus(Duration.ofDays(30));
		for (int i = 0; i < 5; i++) {
			this.log.append(TestAuditEvents.full(UUID.randomUUID(), UUID.randomUUID(), old));
		}
		for (int i = 0; i < 3; i++) {
			this.log.append(TestAuditEvents.full(UUID.randomUUID(), UUID.randomUUID(), recent));
		}

		assertThat(stored.prune(recent, 100)).isEqualTo(5);
		this.log.append(TestAuditEvents.full(UUID.randomUUID(), UUID.randomUUID(), recent));

		assertThat(sql.queryForList("SELECT seq FROM agw_audit_event ORDER BY seq", Long.class)).containsExactly(6L, 7L,
				8L, 9L);
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, 4, null, 5L));
		assertThat(stored.prune(recent, 100)).as("nothing older is left").isZero();
	}

	@Test
	void pruneWhenBatchIsSmallThenEachCallTakesTheNextOldestAndTheAnchorCounts() {
		MybatisAuditPruner stored = pruner();
		for (int i = 0; i < 5; i++) {
			this.log.append(TestAuditEvents.full());
		}
		Instant cutoff = TestAuditEvents.AT.plusSeconds(1);

		assertThat(List.of(stored.prune(cutoff, 2), stored.prune(cutoff, 2), stored.prune(cutoff, 2),
				stored.prune(cutoff, 2)))
			.containsExactly(2, 2, 1, 0);

		assertThat(sql.queryForMap("SELECT seq, pruned_events FROM agw_audit_anchor")).containsEntry("seq", 5L)
			.containsEntry("pruned_events", 5L);
		// Everything was old: the chain goes on from the head, and verifies from the
		// anchor.
		this.log.append(TestAuditEvents.full());
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, 1, null, 5L));
	}

	@Test
	void verifyWhenTheFirstEventAfterTheAnchorIsDeletedThenReportsTheNextOne() {
		MybatisAuditPruner stored = pruner();
		Instant recent = TestAuditEvents.AT.plus(Duration.ofDays(30));
		for (int i = 0; i < 3; i++) {
			this.log.append(TestAuditEvents.full());
		}
		for (int i = 0; i < 3; i++) {
			this.log.append(TestAuditEvents.full(UUID.randomUUID(), UUID.randomUUID(), recent));
		}
		stored.prune(recent, 100);

		sql.update("DELETE FROM agw_audit_event WHERE seq = 4");

		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(false, 1, 5L, 3L));
	}

	@Test
	void pruneWhenAnotherNodeIsPruningThenDeletesNothing() throws Exception {
		MybatisAuditPruner stored = pruner();
		this.log.append(TestAuditEvents.full());
		Instant cutoff = TestAuditEvents.AT.plusSeconds(1);

		try (Connection other = DATABASE.dataSource().getConnection()) {
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				statement.execute("SELECT pg_advisory_xact_lock(hashtext('agw_audit_prune'))");
			}
			assertThat(stored.prune(cutoff, 100)).isZero();
			other.rollback();
		}

		assertThat(stored.prune(cutoff, 100)).isEqualTo(1);
	}

	@Test
	void appendAllWhenOneEventIsRefusedThenNoneOfTheGroupIsStored() {
		MybatisAuditAppender stored = appender();
		AuditEvent tooLong = tooLong();

		assertThatExceptionOfType(AuditEventRefusedException.class)
			.isThrownBy(() -> stored.appendAll(List.of(TestAuditEvents.full(), tooLong)));

		assertThat(sql.queryForObject("SELECT count(*) FROM agw_audit_event", Long.class)).isZero();
		assertThat(sql.queryForObject("SELECT last_seq FROM agw_audit_head", Long.class)).isZero();
	}

	@Test
	void groupedAppendWhenManyCallersAtOnceThenOneUnbrokenChainAndEachEventOnce() throws Exception {
		MybatisAuditAppender stored = appender();
		AuditLog grouped = new StoredAuditLog(new GroupedAuditAppender(stored, 64), reader(), TestAuditEvents.KEY);
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> calls = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				calls.add(callers.submit(() -> grouped.append(TestAuditEvents.full())));
			}
			for (Future<?> call : calls) {
				call.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			callers.shutdownNow();
		}

		assertOneUnbrokenChainOf(200);
		assertThat(sql.queryForObject("SELECT count(DISTINCT id) FROM agw_audit_event", Long.class)).isEqualTo(200);
	}

	@Test
	void appendWhenSeveralThenEachPrevHashIsThePreviousHash() {
		for (int i = 0; i < 5; i++) {
			this.log.append(TestAuditEvents.full());
		}

		List<Map<String, Object>> rows = sql
			.queryForList("SELECT seq, prev_hash, hash FROM agw_audit_event ORDER BY seq");

		assertThat(rows).hasSize(5);
		assertThat((byte[]) rows.get(0).get("prev_hash"))
			.isEqualTo(AuditChain.genesis(TestAuditEvents.KEY, 0, AuditChain.GENESIS));
		for (int i = 1; i < rows.size(); i++) {
			assertThat((byte[]) rows.get(i).get("prev_hash")).isEqualTo((byte[]) rows.get(i - 1).get("hash"));
		}
		Map<String, Object> head = sql.queryForMap("SELECT last_seq, last_hash FROM agw_audit_head");
		assertThat(((Number) head.get("last_seq")).longValue()).isEqualTo(5);
		assertThat((byte[]) head.get("last_hash")).isEqualTo((byte[]) rows.get(4).get("hash"));
	}

	@Test
	void verifyWhenAnyColumnOfAMiddleRowIsUpdatedThenReportsThatRow() {
		for (int i = 0; i < 5; i++) {
			this.log.append(TestAuditEvents.full());
		}
		// Each tampering stays within what the columns accept, as an attacker's UPDATE
		// would.
		Map<String, String> tamperings = Map.ofEntries(Map.entry("id", "gen_random_uuid()"),
				Map.entry("occurred_at", "occurred_at + interval '1 microsecond'"),
				Map.entry("agent_id", "gen_random_uuid()"), Map.entry("owner_user_id", "NULL"),
				Map.entry("actor_type", "'SYSTEM'"), Map.entry("actor_id", "'someone-else'"),
				Map.entry("action", "'token.mint'"), Map.entry("target_type", "NULL"),
				Map.entry("target_id", "'WEB-13'"), Map.entry("outcome", "'DENIED'"), Map.entry("reason", "''"),
				Map.entry("request_id", "'req-2'"), Map.entry("source_address", "'10.9.9.9'"),
				Map.entry("token_id", "NULL"), Map.entry("token_hint", "'agw_\u2026zzzz'"),
				Map.entry("details", "'{\"project\":\"OPS\"}'"),
				Map.entry("prev_hash", "decode(repeat('01', 32), 'hex')"),
				Map.entry("hash", "decode(repeat('02', 32), 'hex')"));
		for (Map.Entry<String, String> tampering : tamperings.entrySet()) {
			String column = tampering.getKey();
			sql.execute("CREATE TEMP TABLE saved AS SELECT * FROM agw_audit_event WHERE seq = 3");
			try {
				assertThat(sql
					.update("UPDATE agw_audit_event SET " + column + " = " + tampering.getValue() + " WHERE seq = 3"))
					.isEqualTo(1);

				assertThat(this.log.verify().withoutRanges()).as(column).isEqualTo(new ChainVerification(false, 3, 3L));
			}
			finally {
				sql.update("DELETE FROM agw_audit_event WHERE seq = 3");
				sql.update("INSERT INTO agw_audit_event SELECT * FROM saved");
				sql.execute("DROP TABLE saved");
			}
			assertThat(this.log.verify().withoutRanges()).as("restored after " + column)
				.isEqualTo(new ChainVerification(true, 5, null));
		}
	}

	@Test
	void verifyWhenAMiddleRowIsDeletedThenReportsTheRowAfterIt() {
		for (int i = 0; i < 5; i++) {
			this.log.append(TestAuditEvents.full());
		}

		sql.update("DELETE FROM agw_audit_event WHERE seq = 3");

		assertThat(this.log.verify().intact()).isFalse();
		assertThat(this.log.verify().firstBrokenSeq()).isEqualTo(4L);
	}

	@Test
	void verifyWhenAnEnumColumnIsSetToGarbageThenReportsTheRowInsteadOfFailing() {
		for (int i = 0; i < 5; i++) {
			this.log.append(TestAuditEvents.full());
		}

		sql.update("UPDATE agw_audit_event SET outcome = 'MAYBE' WHERE seq = 3");

		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(false, 3, 3L));
	}

	@Test
	void verifyWhenAnEventIsEditedAndTheLinksRecomputedTheOldWayInSqlThenReportsThatEvent() {
		List<AuditEvent> events = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			events.add(TestAuditEvents.full());
			this.log.append(events.get(i));
		}

		sql.update("UPDATE agw_audit_event SET reason = 'nothing to see' WHERE seq = 3");
		events.set(2, withReason(events.get(2), "nothing to see"));
		byte[] previous = sql.queryForObject("SELECT hash FROM agw_audit_event WHERE seq = 2", byte[].class);
		for (long seq = 3; seq <= 5; seq++) {
			byte[] link = sql.queryForObject(
					"UPDATE agw_audit_event SET prev_hash = ?, hash = sha256(? || convert_to(CAST(seq AS text) || chr(31)"
							+ " || ?, 'UTF8')) WHERE seq = ? RETURNING hash",
					byte[].class, previous, previous, AuditChain.canonicalAfterSeq(events.get((int) seq - 1)), seq);
			// Exactly the links the plain chain had: a verifier without the key would
			// find them whole.
			assertThat(link).isEqualTo(AuditChain.link(previous, seq, events.get((int) seq - 1)));
			previous = link;
		}
		sql.update("UPDATE agw_audit_head SET last_hash = ?", (Object) previous);

		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(false, 3, 3L));
	}

	@Test
	void verifyWhenAPrefixIsDeletedAndTheAnchorMovedInSqlThenReportsThePositionAfterIt() {
		MybatisAuditPruner stored = pruner();
		Instant recent = TestAuditEvents.AT.plus(Duration.ofDays(30));
		this.log.append(TestAuditEvents.full());
		for (int i = 0; i < 4; i++) {
			this.log.append(TestAuditEvents.full(UUID.randomUUID(), UUID.randomUUID(), recent));
		}
		assertThat(stored.prune(recent, 100)).isEqualTo(1);
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, 4, null, 1L));

		// The retention's anchor moved on by hand, with the MAC it had, and without one.
		byte[] hash = sql.queryForObject("SELECT hash FROM agw_audit_event WHERE seq = 3", byte[].class);
		sql.update("DELETE FROM agw_audit_event WHERE seq <= 3");
		sql.update("UPDATE agw_audit_anchor SET seq = 3, hash = ?", (Object) hash);
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(false, 0, 4L, 3L));
		sql.update("UPDATE agw_audit_anchor SET mac = NULL");
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(false, 0, 4L, 3L));
	}

	@Test
	void pruneWhenRecentEventsAreBackdatedInSqlThenDeletesNothingAndVerifyReportsThem() {
		MybatisAuditPruner stored = pruner();
		Instant recent = TestAuditEvents.AT.plus(Duration.ofDays(30));
		for (int i = 0; i < 3; i++) {
			this.log.append(TestAuditEvents.full(UUID.randomUUID(), UUID.randomUUID(), recent));
		}

		sql.update("UPDATE agw_audit_event SET occurred_at = occurred_at - interval '40 days'");

		assertThat(stored.prune(recent, 100)).isZero();
		assertThat(sql.queryForObject("SELECT count(*) FROM agw_audit_event", Long.class)).isEqualTo(3);
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(false, 1, 1L));
	}

	@Test
	void startKeyedChainWhenAnOlderVersionsPlainChainIsStoredWithConsentThenItStillVerifiesAndNewEventsAreKeyed() {
		sql.update("UPDATE agw_audit_head SET keyed_from = NULL, last_hash = decode(repeat('00', 32), 'hex')");
		for (int i = 0; i < 3; i++) {
			appendTheOldWay(TestAuditEvents.full());
		}
		MybatisAuditAppender stored = appender();

		stored.startKeyedChain(true);
		// Once keyed, the consent changes nothing: left set, or removed as the notes ask.
		stored.startKeyedChain(true);
		stored.startKeyedChain(false);
		this.log.append(TestAuditEvents.full());
		this.log.append(TestAuditEvents.full());

		assertThat(this.log.verify())
			.isEqualTo(new ChainVerification(true, 5, null, null, new AuditLog.Range(1, 3), new AuditLog.Range(4, 5)));
		assertThat(sql.queryForObject("SELECT keyed_from FROM agw_audit_head", Long.class)).isEqualTo(3);
	}

	@Test
	void startKeyedChainWhenAPlainChainIsStoredWithoutConsentThenItIsNotKeyedAndTheStartIsRefusedNamingTheSetting() {
		sql.update("UPDATE agw_audit_head SET keyed_from = NULL, last_hash = decode(repeat('00', 32), 'hex')");
		for (int i = 0; i < 3; i++) {
			appendTheOldWay(TestAuditEvents.full());
		}
		byte[] head = sql.queryForObject("SELECT last_hash FROM agw_audit_head", byte[].class);

		assertThatIllegalStateException().isThrownBy(() -> appender().startKeyedChain(false))
			.withMessageContaining("agent-gateway.audit.key-existing-chain=true")
			.withMessageContaining("position 3");

		assertThat(sql.queryForObject("SELECT keyed_from FROM agw_audit_head", Long.class)).isNull();
		assertThat(sql.queryForObject("SELECT last_hash FROM agw_audit_head", byte[].class)).isEqualTo(head);
		assertThatThrownBy(() -> this.log.append(TestAuditEvents.full())).isInstanceOf(RuntimeException.class);
		assertThat(sql.queryForObject("SELECT count(*) FROM agw_audit_event", Long.class)).isEqualTo(3);
	}

	@Test
	void startKeyedChainWhenTheChainWasRewrittenWithPlainLinksAndItsKeyedStartClearedThenWithoutConsentItStaysUnkeyed() {
		// The attack: keyed events rewritten with plain links in the database, the head
		// moved to the last plain link and the keyed start cleared. A restart must not
		// give it a new keyed start by itself, or verify would call it an older
		// version's plain part.
		this.log.append(TestAuditEvents.full());
		this.log.append(TestAuditEvents.full());
		sql.update("DELETE FROM agw_audit_event");
		sql.update("UPDATE agw_audit_head SET last_seq = 0, last_hash = decode(repeat('00', 32), 'hex'),"
				+ " keyed_from = NULL");
		for (int i = 0; i < 2; i++) {
			appendTheOldWay(TestAuditEvents.full());
		}

		assertThatIllegalStateException().isThrownBy(() -> appender().startKeyedChain(false))
			.withMessageContaining("agent-gateway.audit.key-existing-chain");

		assertThat(sql.queryForObject("SELECT keyed_from FROM agw_audit_head", Long.class)).isNull();
		assertThat(this.log.verify().intact()).isFalse();
	}

	@Test
	void startKeyedChainWhenTheChainIsEmptyThenItIsKeyedFromTheFirstPositionWithoutConsent() {
		// A fresh installation's head, as the migrations leave it.
		sql.update("UPDATE agw_audit_head SET keyed_from = NULL, last_hash = decode(repeat('00', 32), 'hex')");

		appender().startKeyedChain(false);
		this.log.append(TestAuditEvents.full());

		assertThat(sql.queryForObject("SELECT keyed_from FROM agw_audit_head", Long.class)).isZero();
		assertThat(this.log.verify())
			.isEqualTo(new ChainVerification(true, 1, null, null, null, new AuditLog.Range(1, 1)));
	}

	@Test
	void appendWhenTheKeyedStartWasRemovedInTheDatabaseThenNothingIsAppendedAndTheBreakStays() {
		// Keying from whatever head is stored would hide the removal: a chain rewritten
		// with plain links and its keyed start cleared would verify again after one
		// append.
		this.log.append(TestAuditEvents.full());
		sql.update("UPDATE agw_audit_head SET keyed_from = NULL, last_hash = decode(repeat('00', 32), 'hex')");
		assertThat(this.log.verify().intact()).isFalse();

		assertThatThrownBy(() -> this.log.append(TestAuditEvents.full())).isInstanceOf(RuntimeException.class);

		assertThat(sql.queryForObject("SELECT count(*) FROM agw_audit_event", Long.class)).isEqualTo(1);
		assertThat(sql.queryForObject("SELECT keyed_from FROM agw_audit_head", Long.class)).isNull();
		assertThat(this.log.verify().intact()).isFalse();
	}

	/** What the plugin before version 0.4 stored: a SHA-256 link made in SQL. */
	/**
	 * An event whose text columns hold the word NULL, which must not be stored as null.
	 */
	private static AuditEvent literalNull() {
		return AuditEvent.builder("tool.whoami", AuditEvent.Outcome.DENIED)
			.at(TestAuditEvents.AT)
			.actor(AuditEvent.ActorType.AGENT, "NULL")
			.reason("NULL")
			.build();
	}

	/** An event whose reason is longer than its column: the database refuses it. */
	private static AuditEvent tooLong() {
		return AuditEvent.builder("tool.whoami", AuditEvent.Outcome.DENIED)
			.at(TestAuditEvents.AT)
			.actor(AuditEvent.ActorType.AGENT, "a")
			.reason("x".repeat(65))
			.build();
	}

	private static void appendTheOldWay(AuditEvent event) {
		sql.update("WITH head AS (UPDATE agw_audit_head SET last_seq = last_seq + 1, prev_hash = last_hash,"
				+ " last_hash = sha256(last_hash || convert_to(CAST(last_seq + 1 AS text) || chr(31) || ?, 'UTF8'))"
				+ " WHERE id = 1 RETURNING last_seq, prev_hash, last_hash)"
				+ " INSERT INTO agw_audit_event (seq, id, occurred_at, agent_id, owner_user_id, actor_type, actor_id,"
				+ " action, target_type, target_id, outcome, reason, request_id, source_address, token_id, token_hint,"
				+ " details, prev_hash, hash) SELECT head.last_seq, ?, CAST(? AS timestamptz), ?, ?, ?, ?, ?, ?, ?, ?,"
				+ " ?, ?, ?, ?, ?, ?, head.prev_hash, head.last_hash FROM head", AuditChain.canonicalAfterSeq(event),
				event.id(), event.occurredAt().toString(), event.agentId(), event.ownerUserId(),
				event.actorType().name(), event.actorId(), event.action(), event.targetType(), event.targetId(),
				event.outcome().name(), event.reason(), event.requestId(), event.sourceAddress(), event.tokenId(),
				event.tokenHint(), AuditDetails.encode(event.details()));
	}

	private static AuditEvent withReason(AuditEvent e, String reason) {
		return new AuditEvent(e.id(), e.occurredAt(), e.agentId(), e.ownerUserId(), e.actorType(), e.actorId(),
				e.action(), e.targetType(), e.targetId(), e.outcome(), reason, e.requestId(), e.sourceAddress(),
				e.tokenId(), e.tokenHint(), e.details());
	}

}
