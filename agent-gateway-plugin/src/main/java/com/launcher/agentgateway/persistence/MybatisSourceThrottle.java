package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.agentgateway.token.SourceThrottle;
import org.apache.ibatis.session.SqlSession;

/**
 * Failed-authentication counters per source address in {@code agw_auth_failure}: a fixed
 * window of {@code window}; at {@code maxFailures} the source is refused for
 * {@code blockFor}.
 */
public class MybatisSourceThrottle implements SourceThrottle {

	private final SourceThrottleMapper failures;

	private final int maxFailures;

	private final Duration window;

	private final Duration blockFor;

	// Sources this node saw fail: only those need a reset write after a success.
	private final Set<String> failedHere = ConcurrentHashMap.newKeySet();

	public MybatisSourceThrottle(SqlSession sessions, int maxFailures, Duration window, Duration blockFor) {
		this.failures = sessions.getMapper(SourceThrottleMapper.class);
		this.maxFailures = maxFailures;
		this.window = window;
		this.blockFor = blockFor;
	}

	@Override
	public Optional<Duration> blockedFor(String sourceAddress) {
		return blockedFor(this.failures.blockedMillis(sourceAddress));
	}

	/**
	 * A block as the statements read it, in milliseconds; never less than a second, so a
	 * refused client never hears "retry after 0 s".
	 */
	static Optional<Duration> blockedFor(Long millis) {
		return (millis == null) ? Optional.empty() : Optional.of(Duration.ofMillis(Math.max(1000, millis)));
	}

	@Override
	public Failure recordFailure(String sourceAddress) {
		// Bounded, so a flood of addresses cannot grow it without limit; a source left
		// out only keeps its counter until its window passes.
		if (this.failedHere.size() < 10_000) {
			this.failedHere.add(sourceAddress);
		}
		SourceThrottleMapper.Counted counted = this.failures.recordFailure(sourceAddress, this.window.toSeconds(),
				this.maxFailures, this.blockFor.toSeconds());
		if (counted == null) {
			// Another node blocked the source between the statement's read and its
			// write: the block is read again.
			return blockedFor(sourceAddress).map((blocked) -> new Failure(true, blocked))
				.orElseGet(() -> new Failure(false, null));
		}
		Instant now = Instant.now();
		Instant until = counted.refusedUntil();
		if (until == null || !until.isAfter(now)) {
			return new Failure(false, null);
		}
		return new Failure(counted.refusedAlready(), Duration.between(now, until));
	}

	@Override
	public void reset(String sourceAddress) {
		if (this.failedHere.remove(sourceAddress)) {
			this.failures.reset(sourceAddress);
		}
	}

}
