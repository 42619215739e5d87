package com.launcher.e2e.identity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.launcher.e2e.LauncherCluster;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit chain seen from outside the plugin: an event's canonical form computed from
 * its row in SQL, and links made with the cluster's key, as the plugin makes them. Tests
 * use it to play someone who can write the database, and, holding the key, to make
 * changes the chain accepts (old events for the retention, for example).
 */
final class AuditChainSql {

	/** An event's canonical form after its position (AuditChain.canonicalAfterSeq). */
	static final String TAIL = "concat_ws(chr(31), id::text,"
			+ " to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || CASE"
			+ " WHEN CAST(extract(microseconds FROM occurred_at) AS bigint) % 1000000 = 0 THEN ''"
			+ " WHEN CAST(extract(microseconds FROM occurred_at) AS bigint) % 1000 = 0 THEN '.'"
			+ " || lpad(CAST(CAST(extract(microseconds FROM occurred_at) AS bigint) % 1000000 / 1000 AS text), 3, '0')"
			+ " ELSE '.' || lpad(CAST(CAST(extract(microseconds FROM occurred_at) AS bigint) % 1000000 AS text), 6, '0')"
			+ " END || 'Z', " + nullable("agent_id::text") + ", " + nullable("owner_user_id::text") + ", actor_type, "
			+ nullable("actor_id") + ", action, " + nullable("target_type") + ", " + nullable("target_id")
			+ ", outcome, " + nullable("reason") + ", " + nullable("request_id") + ", " + nullable("source_address")
			+ ", " + nullable("token_id::text") + ", " + nullable("token_hint") + ", " + nullable("details")
			+ ") || chr(31)";

	private AuditChainSql() {
	}

	/** The stored event's link after {@code previous}, under the cluster's key. */
	static byte[] keyedLink(JdbcTemplate jdbc, byte[] previous, long seq) {
		String tail = jdbc.queryForObject("SELECT " + TAIL + " FROM agw_audit_event WHERE seq = ?", String.class, seq);
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(LauncherCluster.AUDIT_CHAIN_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			mac.update(previous);
			return mac.doFinal((seq + "\u001f" + tail).getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Links every event from {@code fromSeq} on again with the cluster's key, and moves
	 * the head's link: the chain the plugin would have stored, had the rows been so.
	 */
	static void relinkWithKey(JdbcTemplate jdbc, long fromSeq) {
		Map<String, Object> range = jdbc
			.queryForMap("SELECT (SELECT prev_hash FROM agw_audit_event WHERE seq = ?) AS prev, max(seq) AS last"
					+ " FROM agw_audit_event", fromSeq);
		byte[] previous = (byte[]) range.get("prev");
		long last = ((Number) range.get("last")).longValue();
		for (long seq = fromSeq; seq <= last; seq++) {
			byte[] link = keyedLink(jdbc, previous, seq);
			jdbc.update("UPDATE agw_audit_event SET prev_hash = ?, hash = ? WHERE seq = ?", previous, link, seq);
			previous = link;
		}
		jdbc.update("UPDATE agw_audit_head SET last_hash = ? WHERE last_seq = ?", previous, last);
	}

	private static String nullable(String column) {
		return "coalesce(" + column + ", chr(9216))";
	}

}
