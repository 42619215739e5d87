package com.launcher.agentgateway.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import com.launcher.agentgateway.grant.MembershipCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept memberships on PostgreSQL: served within the bound and never after it, and dropped
 * on one node for every node.
 */
class MybatisMembershipCacheTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private static final Duration BOUND = Duration.ofSeconds(30);

	private final UUID project = UUID.randomUUID();

	private final UUID alice = UUID.randomUUID();

	@Test
	void findWhenAnAnswerIsYoungerThanTheBoundThenServedAndAtTheBoundNot() {
		cacheAt(T0).remember("demo", this.project, "Alice@Launcher.local", this.alice, true, "MEMBER");

		assertThat(cacheAt(T0.plusSeconds(29)).find("demo", this.project, "alice@launcher.local"))
			.hasValueSatisfying((entry) -> {
				assertThat(entry.member()).isTrue();
				assertThat(entry.role()).isEqualTo("MEMBER");
				assertThat(entry.checkedAt()).isEqualTo(T0);
			});
		assertThat(cacheAt(T0.plus(BOUND)).find("demo", this.project, "alice@launcher.local")).isEmpty();
	}

	@Test
	void forgetPersonWhenDoneOnOneNodeThenNoNodeServesTheirAnswersByIdOrAddress() {
		UUID other = UUID.randomUUID();
		MembershipCache node1 = cacheAt(T0);
		node1.remember("demo", this.project, "alice@launcher.local", this.alice, true, null);
		node1.remember("demo", other, "alice@launcher.local", null, false, null);
		node1.remember("demo", this.project, "bob@launcher.local", UUID.randomUUID(), true, null);

		cacheAt(T0).forgetPerson(this.alice, "ALICE@launcher.local");

		MembershipCache node2 = cacheAt(T0.plusSeconds(1));
		assertThat(node2.find("demo", this.project, "alice@launcher.local")).isEmpty();
		assertThat(node2.find("demo", other, "alice@launcher.local")).as("kept under the address only").isEmpty();
		assertThat(node2.find("demo", this.project, "bob@launcher.local")).isPresent();
	}

	@Test
	void forgetProjectWhenAGrantChangesOrTaskerRefusesThenEveryAnswerAboutItGoes() {
		UUID other = UUID.randomUUID();
		MembershipCache cache = cacheAt(T0);
		cache.remember("demo", this.project, "alice@launcher.local", this.alice, true, null);
		cache.remember("demo", this.project, "bob@launcher.local", null, true, null);
		cache.remember("demo", other, "alice@launcher.local", this.alice, true, null);

		cache.forgetProject("demo", this.project);

		assertThat(cache.find("demo", this.project, "alice@launcher.local")).isEmpty();
		assertThat(cache.find("demo", this.project, "bob@launcher.local")).isEmpty();
		assertThat(cache.find("demo", other, "alice@launcher.local")).isPresent();
	}

	@Test
	void rememberWhenAskedAgainThenTheNewAnswerReplacesTheOldAndKeepsTheOwner() {
		cacheAt(T0).remember("demo", this.project, "alice@launcher.local", this.alice, true, "ADMIN");
		cacheAt(T0.plusSeconds(10)).remember("demo", this.project, "alice@launcher.local", null, false, "ADMIN");

		assertThat(cacheAt(T0.plusSeconds(35)).find("demo", this.project, "alice@launcher.local"))
			.hasValueSatisfying((entry) -> {
				assertThat(entry.member()).isFalse();
				assertThat(entry.role()).isNull();
			});
		cacheAt(T0.plusSeconds(35)).forgetPerson(this.alice, null);
		assertThat(cacheAt(T0.plusSeconds(35)).find("demo", this.project, "alice@launcher.local")).isEmpty();
	}

	@Test
	void findWhenTheBoundIsZeroThenNothingIsKept() {
		MybatisMembershipCache off = new MybatisMembershipCache(TestDatabase.sessions(DATABASE.dataSource()),
				Duration.ZERO);
		off.remember("demo", this.project, "carol@launcher.local", null, true, null);

		assertThat(off.find("demo", this.project, "carol@launcher.local")).isEmpty();
		assertThat(cacheAt(T0).find("demo", this.project, "carol@launcher.local")).isEmpty();
	}

	@Test
	void findWhenLookedUpThenOneStatement() {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		MembershipCache cache = new MybatisMembershipCache(TestDatabase.sessions(counting.dataSource()), BOUND);

		cache.find("demo", this.project, "dave@launcher.local");

		assertThat(counting.statements()).isEqualTo(1);
	}

	private static MembershipCache cacheAt(Instant now) {
		return new MybatisMembershipCache(TestDatabase.sessions(DATABASE.dataSource()), BOUND,
				Clock.fixed(now, ZoneOffset.UTC));
	}

}
