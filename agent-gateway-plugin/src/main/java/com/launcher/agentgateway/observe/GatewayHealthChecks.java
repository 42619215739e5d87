package com.launcher.agentgateway.observe;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.launcher.agentgateway.budget.TaskerBudgetStatus;
import com.launcher.host.api.health.HealthReport;
import com.launcher.host.api.health.HealthReport.State;
import com.launcher.host.api.health.PluginHealth;

/**
 * The gateway's checks in the host's health: {@code database} (a connection answers
 * within {@link #DATABASE_WAIT}), {@code tasker} (how the last call to Tasker ended: a
 * health check never calls Tasker, so being watched costs no budget) and
 * {@code policy-listener} (whether policy changes of other nodes are heard); the
 * {@code tasker} check also shows the shared Tasker budget used, left and waiting. Tasker
 * and the listener are {@code DEGRADED} when they fail, since reads, refusals and the
 * pages still work; the database is {@code DOWN}, since nothing can be decided without
 * it.
 */
public final class GatewayHealthChecks implements AutoCloseable {

	/** The longest a health request waits for the database. */
	static final Duration DATABASE_WAIT = Duration.ofSeconds(2);

	private final DataSource dataSource;

	private final MeteredTaskerClient tasker;

	private final BooleanSupplier policyListening;

	private final Supplier<TaskerBudgetStatus> budget;

	private final ExecutorService probes = Executors.newSingleThreadExecutor((runnable) -> {
		Thread thread = new Thread(runnable, "agent-gateway-health");
		thread.setDaemon(true);
		return thread;
	});

	private final List<PluginHealth.Registration> registrations = new ArrayList<>();

	private Future<Boolean> databaseProbe;

	/**
	 * Registers the checks.
	 * @param health where they go
	 * @param dataSource the database checked
	 * @param tasker the metered Tasker client, whose last call is reported
	 * @param policyListening whether the policy listener listens
	 * @param budget the shared Tasker budget's status (issue 14), or null
	 */
	public GatewayHealthChecks(PluginHealth health, DataSource dataSource, MeteredTaskerClient tasker,
			BooleanSupplier policyListening, Supplier<TaskerBudgetStatus> budget) {
		this.dataSource = dataSource;
		this.tasker = tasker;
		this.policyListening = policyListening;
		this.budget = budget;
		this.registrations.add(health.register("database", this::database));
		this.registrations.add(health.register("tasker", this::tasker));
		this.registrations.add(health.register("policy-listener", this::policyListener));
	}

	HealthReport database() {
		Future<Boolean> probe;
		synchronized (this) {
			// One probe at a time: a hung database must not collect a thread per health
			// request.
			if (this.databaseProbe == null || this.databaseProbe.isDone()) {
				this.databaseProbe = this.probes.submit(this::connectionValid);
			}
			probe = this.databaseProbe;
		}
		try {
			return probe.get(DATABASE_WAIT.toMillis(), TimeUnit.MILLISECONDS) ? HealthReport.up()
					: down("the connection is not valid");
		}
		catch (TimeoutException ex) {
			return down("no answer within " + DATABASE_WAIT.toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			return down("no connection");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return down("interrupted");
		}
	}

	private boolean connectionValid() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			return connection.isValid((int) DATABASE_WAIT.toSeconds());
		}
	}

	HealthReport tasker() {
		MeteredTaskerClient.LastCall last = this.tasker.lastCall();
		HealthReport report = HealthReport.up();
		if (last == null) {
			report = report.with("lastCall", "none since start");
		}
		else {
			report = report.with("lastCall", last.operation())
				.with("lastStatus", last.status())
				.with("lastCallAt", last.at().toString());
			if (!last.reached()) {
				report = report.withState(State.DEGRADED);
			}
		}
		return withBudget(report);
	}

	// A spent budget refuses calls (tasker_busy) and a 429 pauses every node: both leave
	// reads of the copy, refusals and pages working, so DEGRADED, never DOWN.
	private HealthReport withBudget(HealthReport report) {
		if (this.budget == null) {
			return report;
		}
		TaskerBudgetStatus status;
		try {
			status = this.budget.get();
		}
		catch (RuntimeException ex) {
			return report.with("budget", "unreadable").withState(State.DEGRADED);
		}
		report = report.with("budgetUsed", Integer.toString(status.used()))
			.with("budgetLeft", Integer.toString(status.left()))
			.with("budgetWaiting", Integer.toString(status.waiting()));
		if (status.paused()) {
			report = report.with("pausedUntil", status.pausedUntil().toString()).withState(State.DEGRADED);
		}
		return report;
	}

	HealthReport policyListener() {
		return this.policyListening.getAsBoolean() ? HealthReport.up().with("listening", "true")
				: new HealthReport(State.DEGRADED, Map.of("listening", "false"));
	}

	private static HealthReport down(String why) {
		return new HealthReport(State.DOWN, Map.of("error", why));
	}

	@Override
	public void close() {
		this.registrations.forEach(PluginHealth.Registration::close);
		this.registrations.clear();
		this.probes.shutdownNow();
	}

}
