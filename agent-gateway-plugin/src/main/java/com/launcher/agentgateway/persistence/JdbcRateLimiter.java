package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.ratelimit.BulkRateLimiter;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * An agent's two token buckets (burst and sustained) in one row of
 * {@code agw_agent_rate}, refilled and spent together by one atomic upsert, so that any
 * number of nodes share the same buckets; an admitted request costs one statement and a
 * refusal two (security.md, Rate limits).
 * {@link com.launcher.agentgateway.ratelimit.LeasingRateLimiter} spares busy agents most
 * of them.
 */
public class JdbcRateLimiter implements BulkRateLimiter {

	private static final String ELAPSED = "EXTRACT(EPOCH FROM (now() - r.refilled_at))";

	private static final String BURST = "LEAST(:burstCapacity, r.burst_tokens + " + ELAPSED + " * :burstRate)";

	private static final String MINUTE = "LEAST(:minuteCapacity, r.minute_tokens + " + ELAPSED + " * :minuteRate)";

	// Takes :count tokens from both buckets, or none; :count never exceeds either
	// capacity, so a new row never starts below zero.
	private static final String TAKE = "INSERT INTO agw_agent_rate AS r (agent_id, burst_tokens, minute_tokens,"
			+ " refilled_at) VALUES (:agent, :burstCapacity - :count, :minuteCapacity - :count, now())"
			+ " ON CONFLICT (agent_id) DO UPDATE SET burst_tokens = " + BURST + " - :count, minute_tokens = " + MINUTE
			+ " - :count, refilled_at = now() WHERE " + BURST + " >= :count AND " + MINUTE + " >= :count RETURNING 1";

	// Only on refusal: how long until both buckets hold a whole token again.
	private static final String WAIT = "SELECT GREATEST(0, (1 - " + BURST + ") / :burstRate, (1 - " + MINUTE
			+ ") / :minuteRate) FROM agw_agent_rate r WHERE agent_id = :agent";

	private static final PositionalSql TAKE_STATEMENT = new PositionalSql(TAKE);

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcRateLimiter(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Decision tryAcquire(UUID agentId, Policy policy) {
		MapSqlParameterSource params = parameters(agentId, policy, 1);
		if (take(params)) {
			return Decision.ALLOWED;
		}
		List<Double> seconds = this.jdbc.queryForList(WAIT, params, Double.class);
		double wait = seconds.isEmpty() ? 1.0 : seconds.get(0);
		return new Decision(false, Duration.ofMillis((long) Math.ceil(Math.max(wait, 0.001) * 1000)));
	}

	@Override
	public boolean tryAcquireAll(UUID agentId, Policy policy, int count) {
		if (count < 1 || count > Math.min(policy.burstRequests(), policy.requestsPerMinute())) {
			throw new IllegalArgumentException("count must be between 1 and the smaller capacity");
		}
		return take(parameters(agentId, policy, count));
	}

	private boolean take(MapSqlParameterSource params) {
		return !this.jdbc.getJdbcOperations()
			.queryForList(TAKE_STATEMENT.sql(), Integer.class, TAKE_STATEMENT.args(params))
			.isEmpty();
	}

	private static MapSqlParameterSource parameters(UUID agentId, Policy policy, int count) {
		return new MapSqlParameterSource("agent", agentId).addValue("count", (double) count)
			.addValue("burstCapacity", (double) policy.burstRequests())
			.addValue("burstRate", (double) policy.burstRequests() / policy.burstSeconds())
			.addValue("minuteCapacity", (double) policy.requestsPerMinute())
			.addValue("minuteRate", policy.requestsPerMinute() / 60.0);
	}

}
