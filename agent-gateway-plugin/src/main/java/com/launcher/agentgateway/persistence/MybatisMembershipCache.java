package com.launcher.agentgateway.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.grant.MembershipCache;
import org.apache.ibatis.session.SqlSession;

/**
 * Memberships kept in {@code agw_membership_cache}, so every node serves the same answers
 * and drops them at once: a lookup and a store are one statement each, and a drop on any
 * node is seen by the next lookup on every node.
 */
public class MybatisMembershipCache implements MembershipCache {

	/** Every this many answers stored, the expired ones are removed. */
	private static final int PRUNE_EVERY = 256;

	private final MembershipCacheMapper cache;

	private final Duration bound;

	private final Clock clock;

	private final AtomicInteger stored = new AtomicInteger();

	/**
	 * @param sessions the sessions
	 * @param bound how long an answer is served
	 */
	public MybatisMembershipCache(SqlSession sessions, Duration bound) {
		this(sessions, bound, null);
	}

	/**
	 * @param sessions the sessions
	 * @param bound how long an answer is served
	 * @param clock a clock for tests, or {@code null} for the database's
	 */
	MybatisMembershipCache(SqlSession sessions, Duration bound, Clock clock) {
		this.cache = sessions.getMapper(MembershipCacheMapper.class);
		this.bound = Objects.requireNonNull(bound, "bound");
		this.clock = clock;
	}

	@Override
	public Optional<Entry> find(String workspace, UUID projectId, String email) {
		if (this.bound.isZero()) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.cache.find(key(workspace, projectId, email)));
	}

	@Override
	public void remember(String workspace, UUID projectId, String email, UUID ownerUserId, boolean member,
			String role) {
		if (this.bound.isZero()) {
			return;
		}
		this.cache.remember(new MembershipCacheMapper.Answer(workspace, projectId, normalize(email), ownerUserId,
				member, member ? role : null, now()));
		if (this.stored.incrementAndGet() % PRUNE_EVERY == 0) {
			this.cache.prune(key(workspace, projectId, email));
		}
	}

	@Override
	public void forgetPerson(UUID ownerUserId, String email) {
		this.cache
			.forgetPerson(new MembershipCacheMapper.Person(ownerUserId, (email != null) ? normalize(email) : null));
	}

	@Override
	public void forgetProject(String workspace, UUID projectId) {
		this.cache.forgetProject(new MembershipCacheMapper.Project(workspace, projectId));
	}

	private MembershipCacheMapper.Key key(String workspace, UUID projectId, String email) {
		return new MembershipCacheMapper.Key(workspace, projectId, normalize(email), this.bound.toMillis(), now());
	}

	private Instant now() {
		return (this.clock != null) ? this.clock.instant() : null;
	}

	private static String normalize(String email) {
		return email.trim().toLowerCase(Locale.ROOT);
	}

}
