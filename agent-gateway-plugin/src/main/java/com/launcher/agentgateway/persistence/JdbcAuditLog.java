package com.launcher.agentgateway.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.launcher.agentgateway.audit.AuditChain;
import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.AuditRetention;
import com.launcher.agentgateway.audit.GroupedAuditLog;
import com.launcher.agentgateway.core.GatewayException;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log in {@code agw_audit_event}. Appending advances the one-row chain head and
 * inserts the linked event in a single statement: the head's row lock keeps the chain
 * linear across nodes and is held only inside the database.
 */
public class JdbcAuditLog implements AuditLog, GroupedAuditLog.GroupStore, AuditRetention.Pruner {

	private static final Pattern DETAIL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\":\"((?:[^\"\\\\]|\\\\.)*)\"");

	private static final String APPEND = "WITH head AS (UPDATE agw_audit_head SET last_seq = last_seq + 1,"
			+ " prev_hash = last_hash, last_hash = sha256(last_hash || convert_to(CAST(last_seq + 1 AS text)"
			+ " || chr(31) || CAST(:tail AS text), 'UTF8')) WHERE id = 1 RETURNING last_seq, prev_hash, last_hash)"
			+ " INSERT INTO agw_audit_event (seq, id, occurred_at, agent_id, owner_user_id, actor_type, actor_id,"
			+ " action, target_type, target_id, outcome, reason, request_id, source_address, token_id, token_hint,"
			+ " details, prev_hash, hash) SELECT head.last_seq, CAST(:id AS uuid), CAST(:at AS timestamptz),"
			+ " CAST(:agent AS uuid), CAST(:owner AS uuid), CAST(:actorType AS varchar), CAST(:actorId AS varchar),"
			+ " CAST(:action AS varchar), CAST(:targetType AS varchar), CAST(:targetId AS varchar),"
			+ " CAST(:outcome AS varchar), CAST(:reason AS varchar), CAST(:requestId AS varchar),"
			+ " CAST(:source AS varchar), CAST(:tokenId AS uuid), CAST(:tokenHint AS varchar),"
			+ " CAST(:details AS text), head.prev_hash, head.last_hash FROM head";

	private static final PositionalSql APPEND_STATEMENT = new PositionalSql(APPEND);

	/** {@link #APPEND}'s parameters, in the order of {@link #values}. */
	private static final String[] PARAMETERS = { "tail", "id", "at", "agent", "owner", "actorType", "actorId", "action",
			"targetType", "targetId", "outcome", "reason", "requestId", "source", "tokenId", "tokenHint", "details" };

	/**
	 * {@link #APPEND} for a group, as one statement. The events come as one text array
	 * per parameter of {@link #APPEND}, in the same order; row {@code n} of the chain is
	 * linked from row {@code n - 1} exactly as {@link #APPEND} links one event from the
	 * head. The head is locked first ({@code FOR UPDATE}) and updated last, so a group on
	 * another node waits and then links from this group's last event.
	 */
	private static final String APPEND_ALL = "WITH RECURSIVE input AS (SELECT * FROM unnest("
			+ String.join(", ", Collections.nCopies(PARAMETERS.length, "CAST(? AS text[])"))
			+ ") WITH ORDINALITY AS i(tail, id, at, agent, owner, actor_type, actor_id, action, target_type,"
			+ " target_id, outcome, reason, request_id, source, token_id, token_hint, details, ord)),"
			+ " head AS (SELECT last_seq, last_hash FROM agw_audit_head WHERE id = 1 FOR UPDATE),"
			+ " chain (ord, seq, prev_hash, hash) AS (SELECT CAST(0 AS bigint), last_seq, CAST(NULL AS bytea),"
			+ " last_hash FROM head UNION ALL SELECT chain.ord + 1, chain.seq + 1, chain.hash,"
			+ " sha256(chain.hash || convert_to(CAST(chain.seq + 1 AS text) || chr(31) || input.tail, 'UTF8'))"
			+ " FROM chain JOIN input ON input.ord = chain.ord + 1),"
			+ " inserted AS (INSERT INTO agw_audit_event (seq, id, occurred_at, agent_id, owner_user_id, actor_type,"
			+ " actor_id, action, target_type, target_id, outcome, reason, request_id, source_address, token_id,"
			+ " token_hint, details, prev_hash, hash) SELECT chain.seq, CAST(input.id AS uuid),"
			+ " CAST(input.at AS timestamptz), CAST(input.agent AS uuid), CAST(input.owner AS uuid), input.actor_type,"
			+ " input.actor_id, input.action, input.target_type, input.target_id, input.outcome, input.reason,"
			+ " input.request_id, input.source, CAST(input.token_id AS uuid), input.token_hint, input.details,"
			+ " chain.prev_hash, chain.hash FROM chain JOIN input ON input.ord = chain.ord"
			+ " RETURNING seq, prev_hash, hash)"
			+ " UPDATE agw_audit_head SET last_seq = last.seq, prev_hash = last.prev_hash, last_hash = last.hash"
			+ " FROM (SELECT seq, prev_hash, hash FROM inserted ORDER BY seq DESC LIMIT 1) AS last"
			+ " WHERE agw_audit_head.id = 1";

	/**
	 * The oldest events before the cutoff, as a prefix of the chain: among the first
	 * {@code ?} events by position, those before the first one at or after the cutoff
	 * (clocks of different nodes may disagree a little; the chain's order wins). The
	 * anchor keeps the last deleted event's position and hash.
	 */
	private static final String PRUNE = "WITH first AS (SELECT seq, occurred_at, hash FROM agw_audit_event"
			+ " ORDER BY seq LIMIT ?), doomed AS (SELECT seq, hash FROM first WHERE seq < coalesce((SELECT min(seq)"
			+ " FROM first WHERE occurred_at >= ?), 9223372036854775807)), last AS (SELECT seq, hash FROM doomed"
			+ " ORDER BY seq DESC LIMIT 1), anchor AS (INSERT INTO agw_audit_anchor AS a (id, seq, hash,"
			+ " pruned_events, pruned_at) SELECT 1, last.seq, last.hash, (SELECT count(*) FROM doomed), now()"
			+ " FROM last ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash,"
			+ " pruned_events = a.pruned_events + excluded.pruned_events, pruned_at = excluded.pruned_at)"
			+ " DELETE FROM agw_audit_event WHERE seq IN (SELECT seq FROM doomed)";

	private final NamedParameterJdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final TransactionTemplate snapshots;

	public JdbcAuditLog(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		DataSourceTransactionManager manager = new DataSourceTransactionManager(
				Objects.requireNonNull(jdbc.getJdbcTemplate().getDataSource()));
		this.transactions = new TransactionTemplate(manager);
		this.snapshots = new TransactionTemplate(manager);
		this.snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshots.setReadOnly(true);
	}

	@Override
	public void append(AuditEvent event) {
		// One statement: advancing the head (which locks it), hashing and inserting
		// happen inside PostgreSQL, so the chain's lock is never held across a client
		// round trip. sha256(prev || UTF-8(seq || U+001F || tail)) is AuditChain.link,
		// byte for byte.
		this.jdbc.getJdbcOperations().update(APPEND_STATEMENT.sql(), APPEND_STATEMENT.args(parameters(event)));
	}

	/**
	 * Appends the events in order with one statement, however many there are: it locks
	 * the head, links the events one after another from it (a recursive query), inserts
	 * them and moves the head to the last one. The group passes the head's lock once, and
	 * PostgreSQL plans and starts one statement instead of one per event.
	 */
	@Override
	public void appendAll(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		if (events.size() == 1) {
			append(events.get(0));
			return;
		}
		String[][] columns = new String[PARAMETERS.length][events.size()];
		for (int i = 0; i < events.size(); i++) {
			String[] row = values(events.get(i));
			for (int column = 0; column < PARAMETERS.length; column++) {
				columns[column][i] = row[column];
			}
		}
		this.jdbc.getJdbcOperations().update(APPEND_ALL, (Object[]) columns);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * An event's parameters for {@link #APPEND}: {@link #values} under
	 * {@link #PARAMETERS}' names.
	 */
	private static MapSqlParameterSource parameters(AuditEvent event) {
		String[] values = values(event);
		MapSqlParameterSource source = new MapSqlParameterSource();
		for (int i = 0; i < PARAMETERS.length; i++) {
			source.addValue(PARAMETERS[i], values[i]);
		}
		return source;
	}

	/**
	 * An event as text, the canonical tail first, in {@link #PARAMETERS}' order; both
	 * statements cast each value to its column's type.
	 */
	private static String[] values(AuditEvent event) {
		return new String[] { AuditChain.canonicalAfterSeq(event), text(event.id()), event.occurredAt().toString(),
				text(event.agentId()), text(event.ownerUserId()), event.actorType().name(), event.actorId(),
				event.action(), event.targetType(), event.targetId(), event.outcome().name(), event.reason(),
				event.requestId(), event.sourceAddress(), text(event.tokenId()), event.tokenHint(),
				AuditChain.AuditDetails.encode(event.details()) };
	}

	@Override
	public AuditPage query(AuditQuery query) {
		StringBuilder sql = new StringBuilder("SELECT * FROM agw_audit_event WHERE true");
		MapSqlParameterSource params = new MapSqlParameterSource("limit", query.limit() + 1);
		if (query.agentId() != null) {
			sql.append(" AND agent_id = :agent");
			params.addValue("agent", query.agentId());
		}
		if (query.ownerUserId() != null) {
			sql.append(" AND owner_user_id = :owner");
			params.addValue("owner", query.ownerUserId());
		}
		if (query.action() != null) {
			sql.append(" AND action = :action");
			params.addValue("action", query.action());
		}
		if (query.outcome() != null) {
			sql.append(" AND outcome = :outcome");
			params.addValue("outcome", query.outcome().name());
		}
		if (query.from() != null) {
			sql.append(" AND occurred_at >= :from");
			params.addValue("from", Rows.timestamp(query.from()));
		}
		if (query.to() != null) {
			sql.append(" AND occurred_at < :to");
			params.addValue("to", Rows.timestamp(query.to()));
		}
		if (query.cursor() != null) {
			Cursor cursor = Cursor.decode(query.cursor());
			sql.append(" AND (occurred_at, seq) < (:cursorAt, :cursorSeq)");
			params.addValue("cursorAt", Rows.timestamp(cursor.at())).addValue("cursorSeq", cursor.seq());
		}
		sql.append(" ORDER BY occurred_at DESC, seq DESC LIMIT :limit");
		List<StoredAuditEvent> rows = this.jdbc.query(sql.toString(), params, JdbcAuditLog::map);
		Optional<String> next = Optional.empty();
		if (rows.size() > query.limit()) {
			rows = rows.subList(0, query.limit());
			StoredAuditEvent last = rows.get(rows.size() - 1);
			next = Optional.of(new Cursor(last.event().occurredAt(), last.seq()).encode());
		}
		return new AuditPage(List.copyOf(rows), next);
	}

	/**
	 * Walks the chain from its start, or from where the audit retention last cut it (the
	 * anchor and the events are read in one snapshot, so a prune that commits meanwhile
	 * cannot look like a gap).
	 */
	@Override
	public ChainVerification verify() {
		return this.snapshots.execute((status) -> verifyInSnapshot());
	}

	private ChainVerification verifyInSnapshot() {
		List<Map<String, Object>> anchors = this.jdbc.getJdbcOperations()
			.queryForList("SELECT seq, hash FROM agw_audit_anchor WHERE id = 1");
		Long anchorSeq = anchors.isEmpty() ? null : ((Number) anchors.get(0).get("seq")).longValue();
		byte[][] expected = { anchors.isEmpty() ? AuditChain.GENESIS : (byte[]) anchors.get(0).get("hash") };
		long[] lastSeq = { (anchorSeq != null) ? anchorSeq : 0 };
		long[] checked = { 0 };
		Long[] broken = { null };
		this.jdbc.getJdbcOperations().query((connection) -> {
			PreparedStatement statement = connection.prepareStatement("SELECT * FROM agw_audit_event ORDER BY seq");
			// Streamed (inside the snapshot's transaction), not loaded whole.
			statement.setFetchSize(1_000);
			return statement;
		}, (rs) -> {
			if (broken[0] != null) {
				return;
			}
			checked[0]++;
			StoredAuditEvent stored;
			try {
				stored = map(rs, 0);
			}
			catch (RuntimeException ex) {
				// A tampered row may no longer map to an event (an unknown enum name, a
				// null
				// where one is required): that is a broken link to report, not a failure.
				broken[0] = rs.getLong("seq");
				return;
			}
			byte[] prev = rs.getBytes("prev_hash");
			byte[] hash = rs.getBytes("hash");
			byte[] recomputed = AuditChain.link(expected[0], stored.seq(), stored.event());
			if (!MessageDigest.isEqual(prev, expected[0]) || !MessageDigest.isEqual(hash, recomputed)) {
				broken[0] = stored.seq();
			}
			expected[0] = hash;
			lastSeq[0] = stored.seq();
		});
		if (broken[0] == null) {
			// The chain must end where the head says: deleting the newest events, or all
			// of them, leaves every remaining link intact but not the head.
			Map<String, Object> head = this.jdbc.getJdbcOperations()
				.queryForMap("SELECT last_seq, last_hash FROM agw_audit_head WHERE id = 1");
			if (((Number) head.get("last_seq")).longValue() != lastSeq[0]
					|| !MessageDigest.isEqual((byte[]) head.get("last_hash"), expected[0])) {
				broken[0] = lastSeq[0] + 1;
			}
		}
		return new ChainVerification(broken[0] == null, checked[0], broken[0], anchorSeq);
	}

	/**
	 * Deletes the oldest events, up to {@code batch}, as far as the first one at or after
	 * {@code cutoff}, and moves the anchor to the last one deleted, in one statement. A
	 * transaction-level advisory lock keeps two nodes from pruning at once; the one that
	 * does not get it deletes nothing.
	 */
	@Override
	public int prune(Instant cutoff, int batch) {
		Integer deleted = this.transactions.execute((status) -> {
			Boolean locked = this.jdbc.getJdbcOperations()
				.queryForObject("SELECT pg_try_advisory_xact_lock(hashtext('agw_audit_prune'))", Boolean.class);
			if (!Boolean.TRUE.equals(locked)) {
				return 0;
			}
			return this.jdbc.getJdbcOperations().update(PRUNE, batch, Rows.timestamp(cutoff));
		});
		return (deleted != null) ? deleted : 0;
	}

	private static StoredAuditEvent map(ResultSet rs, int row) throws SQLException {
		AuditEvent event = new AuditEvent(Rows.uuid(rs, "id"), Rows.instant(rs, "occurred_at"),
				Rows.uuid(rs, "agent_id"), Rows.uuid(rs, "owner_user_id"),
				AuditEvent.ActorType.valueOf(rs.getString("actor_type")), rs.getString("actor_id"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"),
				AuditEvent.Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"), rs.getString("request_id"),
				rs.getString("source_address"), Rows.uuid(rs, "token_id"), rs.getString("token_hint"),
				decodeDetails(rs.getString("details")));
		return new StoredAuditEvent(rs.getLong("seq"), event);
	}

	static Map<String, String> decodeDetails(String json) {
		Map<String, String> details = new HashMap<>();
		if (json == null) {
			return details;
		}
		Matcher matcher = DETAIL.matcher(json);
		while (matcher.find()) {
			details.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
		}
		return details;
	}

	private static String unescape(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c != '\\' || i + 1 >= value.length()) {
				out.append(c);
				continue;
			}
			char next = value.charAt(++i);
			switch (next) {
				case 'n' -> out.append('\n');
				case 'r' -> out.append('\r');
				case 't' -> out.append('\t');
				case 'u' -> {
					out.append((char) Integer.parseInt(value.substring(i + 1, i + 5), 16));
					i += 4;
				}
				default -> out.append(next);
			}
		}
		return out.toString();
	}

	private record Cursor(Instant at, long seq) {

		String encode() {
			String raw = this.at.getEpochSecond() + ":" + this.at.getNano() + ":" + this.seq;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
				return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
						Long.parseLong(parts[2]));
			}
			catch (RuntimeException ex) {
				throw GatewayException.invalid("cursor", "is not a cursor from a previous page");
			}
		}

	}

}
