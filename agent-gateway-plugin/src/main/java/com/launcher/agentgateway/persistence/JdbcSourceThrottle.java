package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.agentgateway.token.SourceThrottle;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Failed-authentication counters per source address in {@code agw_auth_failure}: a fixed
 * window of {@code window}; at {@code maxFailures} the source is refused for
 * {@code blockFor}.
 */
public class JdbcSourceThrottle implements SourceThrottle {

	private static final String FAILURES = "CASE WHEN f.window_start < now() - make_interval(secs => :window)"
			+ " THEN 1 ELSE f.failures + 1 END";

	private final NamedParameterJdbcTemplate jdbc;

	private final int maxFailures;

	private final Duration window;

	private final Duration blockFor;

	// Sources this node saw fail: only those need a reset write after a success.
	private final Set<String> failedHere = ConcurrentHashMap.newKeySet();

	public JdbcSourceThrottle(NamedParameterJdbcTemplate jdbc, int maxFailures, Duration window, Duration blockFor) {
		this.jdbc = jdbc;
		this.maxFailures = maxFailures;
		this.window = window;
		this.blockFor = blockFor;
	}

	/**
	 * How many milliseconds the source {@code :source} is still refused, or no row;
	 * shared with {@link JdbcTokenStore}, which reads it in the same statement as the
	 * token.
	 */
	static final String BLOCKED_MILLIS = "SELECT CAST(EXTRACT(EPOCH FROM (blocked_until - now())) * 1000 AS bigint)"
			+ " FROM agw_auth_failure WHERE source_address = :source AND blocked_until > now()";

	@Override
	public Optional<Duration> blockedFor(String sourceAddress) {
		List<Long> millis = this.jdbc.queryForList(BLOCKED_MILLIS, Map.of("source", sourceAddress), Long.class);
		return blockedFor(millis.isEmpty() ? null : millis.get(0));
	}

	/** A block read from {@link #BLOCKED_MILLIS}; never less than a second. */
	static Optional<Duration> blockedFor(Long millis) {
		return (millis == null) ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(1000, millis)));
	}

	@Override
	public Optional<Duration> recordFailure(String sourceAddress) {
		if (this.failedHere.size() < 10_000) {
			this.failedHere.add(sourceAddress);
		}
		List<OffsetDateTime> blockedUntil = this.jdbc.queryForList("INSERT INTO agw_auth_failure AS f"
				+ " (source_address, window_start, failures, blocked_until) VALUES (:source, now(), 1,"
				+ " CASE WHEN 1 >= :max THEN now() + make_interval(secs => :block) END)"
				+ " ON CONFLICT (source_address) DO UPDATE SET failures = " + FAILURES + ", window_start = CASE WHEN"
				+ " f.window_start < now() - make_interval(secs => :window) THEN now() ELSE f.window_start END,"
				+ " blocked_until = CASE WHEN " + FAILURES + " >= :max THEN now() + make_interval(secs => :block)"
				+ " ELSE f.blocked_until END RETURNING blocked_until",
				new MapSqlParameterSource("source", sourceAddress).addValue("window", this.window.toSeconds())
					.addValue("max", this.maxFailures)
					.addValue("block", this.blockFor.toSeconds()),
				OffsetDateTime.class);
		OffsetDateTime until = blockedUntil.isEmpty() ? null : blockedUntil.get(0);
		if (until == null || !until.toInstant().isAfter(Instant.now())) {
			return Optional.empty();
		}
		return Optional.of(Duration.between(Instant.now(), until.toInstant()));
	}

	@Override
	public void reset(String sourceAddress) {
		if (this.failedHere.remove(sourceAddress)) {
			this.jdbc.update("DELETE FROM agw_auth_failure WHERE source_address = :source AND"
					+ " (blocked_until IS NULL OR blocked_until < now())", Map.of("source", sourceAddress));
		}
	}

}
