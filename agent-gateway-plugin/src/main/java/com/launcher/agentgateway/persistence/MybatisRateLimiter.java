package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.ratelimit.BulkRateLimiter;
import org.apache.ibatis.session.SqlSession;

/**
 * An agent's two token buckets (burst and sustained) in one row of
 * {@code agw_agent_rate}, refilled and spent together by one atomic upsert, so that any
 * number of nodes share the same buckets; an admitted request costs one statement and a
 * refusal two (security.md, Rate limits).
 * {@link com.launcher.agentgateway.ratelimit.LeasingRateLimiter} spares busy agents most
 * of them.
 */
public class MybatisRateLimiter implements BulkRateLimiter {

	private final RateMapper rates;

	public MybatisRateLimiter(SqlSession sessions) {
		this.rates = sessions.getMapper(RateMapper.class);
	}

	@Override
	public Decision tryAcquire(UUID agentId, Policy policy) {
		RateMapper.Buckets buckets = buckets(agentId, policy, 1);
		if (!this.rates.take(buckets).isEmpty()) {
			return Decision.ALLOWED;
		}
		Double seconds = this.rates.secondsUntilOne(buckets);
		double wait = (seconds != null) ? seconds : 1.0;
		return new Decision(false, Duration.ofMillis((long) Math.ceil(Math.max(wait, 0.001) * 1000)));
	}

	@Override
	public boolean tryAcquireAll(UUID agentId, Policy policy, int count) {
		if (count < 1 || count > Math.min(policy.burstRequests(), policy.requestsPerMinute())) {
			throw new IllegalArgumentException("count must be between 1 and the smaller capacity");
		}
		return !this.rates.take(buckets(agentId, policy, count)).isEmpty();
	}

	private static RateMapper.Buckets buckets(UUID agentId, Policy policy, int count) {
		return new RateMapper.Buckets(agentId, count, policy.burstRequests(),
				(double) policy.burstRequests() / policy.burstSeconds(), policy.requestsPerMinute(),
				policy.requestsPerMinute() / 60.0);
	}

}
