package com.launcher.agentgateway.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.audit.UserActions;
import com.launcher.agentgateway.core.RequestContext;
import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyService;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.SqlSessionTemplate;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.Mockito.mock;

/**
 * Cross-node invalidation on real PostgreSQL: two policy services stand for two nodes,
 * with clocks that never move, so only the notification can make the second one see the
 * first one's change.
 */
class PgChangeListenerTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	@Test
	void listenerWhenAnotherNodeSavesThePolicyThenThisNodesCacheIsDroppedAtOnce() {
		Clock frozen = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);
		SqlSessionTemplate sessions = TestDatabase.sessions(DATABASE.dataSource());
		PolicyService nodeA = new PolicyService(new MybatisPolicyStore(sessions),
				new UserActions(mock(AuditLog.class), RequestContext.NONE, frozen), frozen);
		PolicyService nodeB = new PolicyService(new MybatisPolicyStore(sessions),
				new UserActions(mock(AuditLog.class), RequestContext.NONE, frozen), frozen);
		try (PgChangeListener listener = new PgChangeListener(DATABASE.dataSource(), MybatisPolicyStore.CHANNEL,
				nodeB::invalidate, Duration.ofMillis(200), Duration.ofMinutes(10))) {
			eventually(Duration.ofSeconds(10), listener::isListening);
			Policy before = nodeB.current();
			Policy changed = new Policy(before.maxTokenDays(), before.defaultTokenDays(), before.burstRequests() + 7,
					before.burstSeconds(), before.requestsPerMinute(), before.writesPerDay(), before.connectedMinutes(),
					before.staleHours(), before.reportingMode());

			nodeA.update(new Actor(UUID.randomUUID(), true), changed);

			// The clocks never move: without the notice node B would keep its copy
			// forever.
			eventually(Duration.ofSeconds(3), () -> nodeB.current().burstRequests() == changed.burstRequests());
			nodeA.update(new Actor(UUID.randomUUID(), true), before);
			eventually(Duration.ofSeconds(3), () -> nodeB.current().burstRequests() == before.burstRequests());
		}
	}

	@Test
	void listenerWhenStartedThenItReportsAChangeOnceBecauseItMayHaveMissedOne() {
		AtomicInteger changes = new AtomicInteger();
		try (PgChangeListener listener = new PgChangeListener(DATABASE.dataSource(), "agw_test_start",
				changes::incrementAndGet, Duration.ofMillis(100), Duration.ofMinutes(10))) {
			eventually(Duration.ofSeconds(10), listener::isListening);
			assertThat(changes.get()).isEqualTo(1);

			new NamedParameterJdbcTemplate(DATABASE.dataSource()).getJdbcTemplate()
				.queryForList(PgChangeListener.notifySql("agw_test_start"));

			eventually(Duration.ofSeconds(3), () -> changes.get() == 2);
		}
	}

	@Test
	void closeWhenStoppedThenNothingListensAndTheConnectionWentBackClean() {
		try (PgChangeListener listener = new PgChangeListener(DATABASE.dataSource(), "agw_test_close", () -> {
		}, Duration.ofMillis(100), Duration.ofMinutes(10))) {
			eventually(Duration.ofSeconds(10), listener::isListening);
			listener.close();
			assertThat(listener.isListening()).isFalse();
		}
		// Every pooled connection is free again and none still listens on the channel.
		assertThat(DATABASE.dataSource().getHikariPoolMXBean().getActiveConnections()).isZero();
		List<String> listening = new NamedParameterJdbcTemplate(DATABASE.dataSource()).getJdbcTemplate()
			.queryForList("SELECT pg_listening_channels()", String.class);
		assertThat(listening).doesNotContain("agw_test_close");
	}

	@Test
	void listenerWhenTheChannelIsNotAPlainIdentifierThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PgChangeListener(DATABASE.dataSource(), "x; DROP TABLE y", () -> {
			}, Duration.ofMillis(100), Duration.ofMinutes(10)));
		assertThatIllegalArgumentException().isThrownBy(() -> PgChangeListener.notifySql("Bad-Channel"));
	}

	private static void eventually(Duration within, BooleanSupplier condition) {
		long end = System.nanoTime() + within.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition not met within %s", within).isLessThan(end);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
