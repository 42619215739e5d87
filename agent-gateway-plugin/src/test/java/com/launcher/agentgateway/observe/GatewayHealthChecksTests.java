package com.launcher.agentgateway.observe;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import com.launcher.agentgateway.budget.CallClass;
import com.launcher.agentgateway.budget.TaskerBudgetStatus;
import com.launcher.host.api.health.HealthCheck;
import com.launcher.host.api.health.HealthReport;
import com.launcher.host.api.health.HealthReport.State;
import com.launcher.host.api.health.PluginHealth;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class GatewayHealthChecksTests {

	private final Map<String, HealthCheck> registered = new LinkedHashMap<>();

	private final PluginHealth health = (name, check) -> {
		this.registered.put(name, check);
		return () -> this.registered.remove(name);
	};

	private final DataSource dataSource = mock(DataSource.class);

	private final TaskerClient tasker = mock(TaskerClient.class);

	private final MeteredTaskerClient metered = MeteredTaskerClient.of(this.tasker,
			new GatewayMetrics(new SimpleMeterRegistry()),
			Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC));

	private final AtomicBoolean listening = new AtomicBoolean(true);

	private final CountDownLatch release = new CountDownLatch(1);

	private GatewayHealthChecks checks;

	@AfterEach
	void close() {
		this.release.countDown();
		if (this.checks != null) {
			this.checks.close();
		}
	}

	@Test
	void constructorWhenCreatedThenRegistersItsChecksAndCloseRemovesThem() {
		this.checks = new GatewayHealthChecks(this.health, this.dataSource, this.metered, this.listening::get, null);

		assertThat(this.registered).containsOnlyKeys("database", "tasker", "policy-listener");
		this.checks.close();
		assertThat(this.registered).isEmpty();
	}

	@Test
	void databaseWhenConnectionValidThenUp() throws Exception {
		Connection connection = mock(Connection.class);
		given(this.dataSource.getConnection()).willReturn(connection);
		given(connection.isValid(2)).willReturn(true);
		this.checks = new GatewayHealthChecks(this.health, this.dataSource, this.metered, this.listening::get, null);

		assertThat(this.registered.get("database").check().state()).isEqualTo(State.UP);
	}

	@Test
	void databaseWhenConnectionHangsThenDownWithinTheWaitAndOneProbeOnly() throws Exception {
		CountDownLatch asked = new CountDownLatch(2);
		given(this.dataSource.getConnection()).willAnswer((invocation) -> {
			asked.countDown();
			this.release.await(30, TimeUnit.SECONDS);
			throw new java.sql.SQLTransientConnectionException("timed out");
		});
		this.checks = new GatewayHealthChecks(this.health, this.dataSource, this.metered, this.listening::get, null);

		long start = System.nanoTime();
		HealthReport first = this.registered.get("database").check();
		HealthReport second = this.registered.get("database").check();
		long tookMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(first.state()).isEqualTo(State.DOWN);
		assertThat(first.details()).containsEntry("error", "no answer within 2 s");
		assertThat(second.state()).isEqualTo(State.DOWN);
		assertThat(tookMillis).isLessThan(2 * GatewayHealthChecks.DATABASE_WAIT.toMillis() + 1000);
		assertThat(asked.getCount()).as("the second check waited on the same probe").isEqualTo(1);
	}

	@Test
	void taskerWhenLastCallUnreachedThenDegradedAndNoCallMade() {
		given(this.tasker.listProjects("demo")).willThrow(new TaskerUnavailableException());
		this.checks = new GatewayHealthChecks(this.health, this.dataSource, this.metered, this.listening::get, null);

		assertThat(this.registered.get("tasker").check().state()).isEqualTo(State.UP);
		assertThatThrownBy(() -> this.metered.client().listProjects("demo"))
			.isInstanceOf(TaskerUnavailableException.class);
		HealthReport report = this.registered.get("tasker").check();

		assertThat(report.state()).isEqualTo(State.DEGRADED);
		assertThat(report.details()).containsEntry("lastCall", "list_projects")
			.containsEntry("lastStatus", "unavailable");
	}

	@Test
	void taskerWhenBudgetPausedByA429ThenDegradedWithTheBudget() {
		Instant now = Instant.parse("2026-12-04T12:00:00Z");
		this.checks = new GatewayHealthChecks(this.health, this.dataSource, this.metered, this.listening::get,
				() -> new TaskerBudgetStatus(now, 54, 6, 0, Map.of(CallClass.WRITE, 54), Map.of(), Map.of(),
						now.plusSeconds(30)));

		HealthReport report = this.registered.get("tasker").check();

		assertThat(report.state()).isEqualTo(State.DEGRADED);
		assertThat(report.details()).containsEntry("budgetUsed", "54")
			.containsEntry("budgetLeft", "0")
			.containsKey("pausedUntil");
	}

	@Test
	void policyListenerWhenNotListeningThenDegraded() {
		this.checks = new GatewayHealthChecks(this.health, this.dataSource, this.metered, this.listening::get, null);

		assertThat(this.registered.get("policy-listener").check().state()).isEqualTo(State.UP);
		this.listening.set(false);
		assertThat(this.registered.get("policy-listener").check().state()).isEqualTo(State.DEGRADED);
	}

}
