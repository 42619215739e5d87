package com.launcher.agentgateway.persistence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditStreamer;
import com.launcher.agentgateway.audit.StoredAuditLog;
import com.launcher.agentgateway.audit.TestAuditEvents;
import com.launcher.agentgateway.observe.FileAuditSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit stream on PostgreSQL into a real file (issue 18 point 4): every event once,
 * in chain order, with links that check from the lines alone; a failed batch leaves the
 * cursor, so only that batch comes again; one node at a time; and the retention keeps
 * what the sink has not taken.
 */
class MybatisAuditStreamStoreTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static JdbcTemplate sql;

	@TempDir
	Path folder;

	private AuditLog log;

	private Path file;

	@BeforeAll
	static void createDatabase() {
		sql = new JdbcTemplate(DATABASE.dataSource());
	}

	@BeforeEach
	void emptyLog() {
		sql.update("DELETE FROM agw_audit_event");
		sql.update("DELETE FROM agw_audit_anchor");
		sql.update("DELETE FROM agw_audit_stream");
		sql.update("UPDATE agw_audit_head SET last_seq = 0, last_hash = decode(repeat('00', 32), 'hex'),"
				+ " keyed_from = NULL");
		MybatisAuditAppender appender = new MybatisAuditAppender(sessions(),
				TestDatabase.transactions(DATABASE.dataSource()), TestAuditEvents.KEY);
		appender.startKeyedChain(false);
		this.log = new StoredAuditLog(appender,
				new MybatisAuditReader(sessions(), TestDatabase.transactions(DATABASE.dataSource())),
				TestAuditEvents.KEY);
		this.file = this.folder.resolve("siem").resolve("audit.jsonl");
	}

	@Test
	void runOnceWhenEventsAreStoredThenTheFileHoldsEachOnceInOrderAndTheLinksContinue() throws Exception {
		append(7);
		AuditStreamer streamer = streamer(new FileAuditSink(this.file), 3);

		assertThat(streamer.runOnce()).isEqualTo(7);

		List<JsonNode> lines = lines();
		assertThat(lines).extracting((line) -> line.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		assertContinuous(lines);
		assertThat(lines.get(6).get("hash").asString()).isEqualTo(
				HexFormat.of().formatHex(sql.queryForObject("SELECT last_hash FROM agw_audit_head", byte[].class)));
		assertThat(lines.get(0).get("action").asString()).isEqualTo("tool.create_work_item");
		assertThat(sql.queryForObject("SELECT last_seq FROM agw_audit_stream WHERE sink = 'file'", Long.class))
			.isEqualTo(7);
		assertThat(streamer.behind()).isZero();

		append(2);
		assertThat(streamer.runOnce()).isEqualTo(2);
		assertThat(lines()).extracting((line) -> line.get("seq").asLong()).endsWith(7L, 8L, 9L).hasSize(9);
		assertContinuous(lines());
	}

	@Test
	void runOnceWhenABatchFailsAfterItsWriteThenOnlyThatBatchComesAgain() throws Exception {
		append(7);
		FileAuditSink file = new FileAuditSink(this.file);
		List<Integer> batches = new ArrayList<>();
		// Written and forced, then the node dies before the cursor moves.
		AuditStreamer crashing = streamer((events) -> {
			file.write(events);
			batches.add(events.size());
			if (batches.size() == 2) {
				throw new IllegalStateException("crash after the write");
			}
		}, 3);

		assertThat(crashing.runOnce()).isEqualTo(3);
		assertThat(sql.queryForObject("SELECT last_seq FROM agw_audit_stream", Long.class)).isEqualTo(3);
		assertThat(streamer(file, 3).runOnce()).isEqualTo(4);

		List<Long> seqs = lines().stream().map((line) -> line.get("seq").asLong()).toList();
		assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 4L, 5L, 6L, 7L);
	}

	@Test
	void runOnceWhenTheSinkHasItsCursorThenThePassReadsItWithoutRegisteringAgain() throws Exception {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		AuditStreamer streamer = new AuditStreamer(
				new MybatisAuditStreamStore(TestDatabase.sessions(counting.dataSource()),
						TestDatabase.transactions(counting.dataSource())),
				new FileAuditSink(this.file), "file", 3, Duration.ofSeconds(1), SqlFailures::describe);
		append(2);

		assertThat(streamer.runOnce()).isEqualTo(2);
		assertThat(registrations(counting)).as("the first pass makes the cursor").isEqualTo(1);
		counting.reset();
		append(1);
		assertThat(streamer.runOnce()).isEqualTo(1);
		assertThat(streamer.runOnce()).isZero();

		assertThat(registrations(counting)).as("later passes").isZero();
		// Lock, cursor, head, events (and the cursor's move when there were any).
		assertThat(counting.statements()).isEqualTo(5 + 4);
		// A cursor removed in the database is made again, from the oldest event.
		sql.update("DELETE FROM agw_audit_stream");
		assertThat(streamer.runOnce()).isEqualTo(3);
		assertThat(registrations(counting)).isEqualTo(1);
	}

	private static long registrations(CountingDataSource counting) {
		return counting.captured()
			.stream()
			.filter((statement) -> statement.sql().contains("INSERT INTO agw_audit_stream"))
			.count();
	}

	@Test
	void runOnceWhenTheSinkFailsThenTheLogNamesTheBatchTheFilesReasonAndTheCursorButNoEventValues() throws Exception {
		append(2);
		// The configured file is a directory: the file system refuses the write.
		Files.createDirectories(this.file);

		List<String> logged = LoggedLines.of(AuditStreamer.class,
				() -> streamer(new FileAuditSink(this.file), 3).runOnce());

		assertThat(logged).singleElement()
			.asString()
			.contains("could not write events 1 to 2", "the cursor stays at 0", this.file.toString(),
					"FileSystemException")
			.doesNotContain("tool.create_work_item", "UncheckedIOException");
		assertThat(sql.queryForObject("SELECT count(*) FROM agw_audit_stream WHERE last_seq > 0", Long.class)).isZero();
	}

	@Test
	void runOnceWhenTheDatabaseIsAwayThenTheLogNamesTheSqlStateAndTheServer() {
		// Nothing listens on port 1: the connection is refused at once.
		DriverManagerDataSource away = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/agw", "postgres", "");
		AuditStreamer streamer = new AuditStreamer(
				new MybatisAuditStreamStore(TestDatabase.sessions(away), TestDatabase.transactions(away)),
				new FileAuditSink(this.file), "file", 3, Duration.ofSeconds(1), SqlFailures::describe);

		List<String> logged = LoggedLines.of(AuditStreamer.class, streamer::runOnce);

		assertThat(logged).singleElement()
			.asString()
			.contains("could not read the next events from the database", "SQLState 08001", "127.0.0.1:1");
	}

	@Test
	void runOnceWhenAnotherNodeStreamsThenWritesNothing() throws Exception {
		append(2);
		AuditStreamer streamer = streamer(new FileAuditSink(this.file), 3);
		try (Connection other = DATABASE.dataSource().getConnection()) {
			other.setAutoCommit(false);
			try (Statement statement = other.createStatement()) {
				statement.execute("SELECT pg_advisory_xact_lock(hashtext('agw_audit_stream:file'))");
			}
			assertThat(streamer.runOnce()).isZero();
			assertThat(Files.exists(this.file)).isFalse();
			other.rollback();
		}

		assertThat(streamer.runOnce()).isEqualTo(2);
	}

	@Test
	void pruneWhenASinkHasNotTakenEventsThenTheyStay() {
		Instant recent = TestAuditEvents.AT.plus(Duration.ofDays(30));
		append(5);
		FileAuditSink sink = new FileAuditSink(this.file);
		assertThat(new MybatisAuditStreamStore(sessions(), TestDatabase.transactions(DATABASE.dataSource()))
			.streamNext("file", 2, sink::write)).isEqualTo(new AuditStreamer.Pass(true, 2, 3));
		this.log.append(TestAuditEvents.full(UUID.randomUUID(), UUID.randomUUID(), recent));

		assertThat(new MybatisAuditPruner(sessions(), TestDatabase.transactions(DATABASE.dataSource()),
				TestAuditEvents.KEY)
			.prune(recent, 100)).isEqualTo(2);

		assertThat(sql.queryForList("SELECT seq FROM agw_audit_event ORDER BY seq", Long.class)).containsExactly(3L, 4L,
				5L, 6L);
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new AuditLog.ChainVerification(true, 4, null, 2L));
	}

	private void append(int events) {
		for (int i = 0; i < events; i++) {
			this.log.append(TestAuditEvents.full());
		}
	}

	private static AuditStreamer streamer(AuditStreamer.Sink sink, int batch) {
		return new AuditStreamer(
				new MybatisAuditStreamStore(sessions(), TestDatabase.transactions(DATABASE.dataSource())), sink, "file",
				batch, Duration.ofSeconds(1), SqlFailures::describe);
	}

	private List<JsonNode> lines() throws Exception {
		List<JsonNode> lines = new ArrayList<>();
		for (String line : Files.readAllLines(this.file)) {
			lines.add(JSON.readTree(line));
		}
		return lines;
	}

	/** What a receiver checks: each line follows the one before it. */
	private static void assertContinuous(List<JsonNode> lines) {
		for (int i = 1; i < lines.size(); i++) {
			assertThat(lines.get(i).get("seq").asLong()).isEqualTo(lines.get(i - 1).get("seq").asLong() + 1);
			assertThat(lines.get(i).get("prevHash").asString()).isEqualTo(lines.get(i - 1).get("hash").asString());
		}
	}

	private static org.mybatis.spring.SqlSessionTemplate sessions() {
		return TestDatabase.sessions(DATABASE.dataSource());
	}

}
