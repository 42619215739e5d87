package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.ratelimit.RateLimiter;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Token buckets in {@code agw_rate_bucket}, refilled and spent by one atomic upsert each,
 * so that any number of nodes share the same buckets (security.md, Rate limits).
 */
public class JdbcRateLimiter implements RateLimiter {

	private static final String AVAILABLE = "LEAST(:capacity, b.tokens"
			+ " + EXTRACT(EPOCH FROM (now() - b.refilled_at)) * :rate)";

	private static final String TAKE = "INSERT INTO agw_rate_bucket AS b (bucket_key, tokens, refilled_at)"
			+ " VALUES (:key, :capacity - 1, now()) ON CONFLICT (bucket_key) DO UPDATE SET tokens = " + AVAILABLE
			+ " - 1, refilled_at = now() WHERE " + AVAILABLE + " >= 1 RETURNING tokens";

	private static final String WAIT = "SELECT GREATEST(0, (1 - " + AVAILABLE + ") / :rate) FROM agw_rate_bucket b"
			+ " WHERE bucket_key = :key";

	private static final String REFUND = "UPDATE agw_rate_bucket SET tokens = LEAST(:capacity, tokens + 1)"
			+ " WHERE bucket_key = :key";

	private final NamedParameterJdbcTemplate jdbc;

	public JdbcRateLimiter(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Decision tryAcquire(UUID agentId, Policy policy) {
		MapSqlParameterSource burst = bucket("burst:" + agentId, policy.burstRequests(),
				(double) policy.burstRequests() / policy.burstSeconds());
		MapSqlParameterSource sustained = bucket("minute:" + agentId, policy.requestsPerMinute(),
				policy.requestsPerMinute() / 60.0);
		if (!take(burst)) {
			return refused(burst);
		}
		if (!take(sustained)) {
			this.jdbc.update(REFUND, burst);
			return refused(sustained);
		}
		return Decision.ALLOWED;
	}

	private boolean take(MapSqlParameterSource bucket) {
		return !this.jdbc.queryForList(TAKE, bucket, Double.class).isEmpty();
	}

	private Decision refused(MapSqlParameterSource bucket) {
		List<Double> seconds = this.jdbc.queryForList(WAIT, bucket, Double.class);
		double wait = seconds.isEmpty() ? 1.0 : seconds.get(0);
		return new Decision(false, Duration.ofMillis((long) Math.ceil(Math.max(wait, 0.001) * 1000)));
	}

	private static MapSqlParameterSource bucket(String key, int capacity, double rate) {
		return new MapSqlParameterSource("key", key).addValue("capacity", (double) capacity).addValue("rate", rate);
	}

}
