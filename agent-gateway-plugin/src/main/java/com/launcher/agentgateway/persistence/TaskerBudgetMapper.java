package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The statements of {@code TaskerBudgetMapper.xml}. */
interface TaskerBudgetMapper {

	AdmitRow admit(Admit admit);

	void giveUp(Caller caller);

	void charge(Charge charge);

	void pause(Pause pause);

	BucketRow bucket(Bucket bucket);

	List<CountRow> counts(Clock clock);

	/**
	 * One attempt to spend.
	 *
	 * @param id the call's id, the same on each of its attempts
	 * @param callClass its class's priority
	 * @param agentId the agent, or null
	 * @param ownerId the owner, or null
	 * @param cost calls to spend
	 * @param capacity the bucket's size
	 * @param perSecond its refill
	 * @param reserve what the class must leave in it
	 * @param cap the most calls of the class in any 60 s
	 * @param holdMs when refused, queue the call this long (0: not at all)
	 * @param now the time, or null for the database's
	 */
	record Admit(UUID id, int callClass, UUID agentId, UUID ownerId, int cost, double capacity, double perSecond,
			double reserve, int cap, long holdMs, Instant now) {
	}

	/**
	 * What an attempt found; the figures are read before it, for a refused call's wait.
	 *
	 * @param admitted whether it spent
	 * @param tokens the bucket, refilled to now
	 * @param ahead the cost of the waiting calls ranked before it
	 * @param pausedSeconds how long a 429 pause still lasts
	 * @param classUsed what its class spent in the last 60 s
	 * @param classFreesSeconds when the oldest of those leaves the 60 s
	 */
	record AdmitRow(boolean admitted, double tokens, double ahead, double pausedSeconds, double classUsed,
			double classFreesSeconds) {
	}

	record Caller(UUID id, int callClass, UUID agentId, UUID ownerId, Instant now) {
	}

	record Charge(int callClass, UUID agentId, UUID ownerId, int cost, double capacity, double perSecond, Instant now) {
	}

	record Pause(long retryAfterMs, Instant now) {
	}

	record Bucket(double capacity, double perSecond, Instant now) {
	}

	record Clock(Instant now) {
	}

	record BucketRow(Instant at, double tokens, Instant pausedUntil) {
	}

	/**
	 * @param kind {@code used}, {@code refused} or {@code waiting}
	 * @param callClass the class's priority
	 * @param n calls
	 */
	record CountRow(String kind, int callClass, long n) {
	}

}
