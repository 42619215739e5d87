package com.launcher.agentgateway.host;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * The periodic owner sync, the third lifecycle layer: runs once at start (catching events
 * missed while the plugin was stopped) and then every {@code interval}.
 */
public class OwnerStatusSync implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OwnerStatusSync.class);

	private final OwnerLifecycleService lifecycle;

	private final Duration interval;

	private final FailureNames failures;

	private ScheduledExecutorService executor;

	/**
	 * @param lifecycle the owners' lifecycle
	 * @param interval how often a pass runs
	 * @param failures what the log says of a failed pass
	 */
	public OwnerStatusSync(OwnerLifecycleService lifecycle, Duration interval, FailureNames failures) {
		this.lifecycle = lifecycle;
		this.interval = interval;
		this.failures = failures;
	}

	@Override
	public void afterPropertiesSet() {
		runOnce();
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "agent-gateway-owner-sync");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::runOnce, this.interval.toMillis(), this.interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/** One pass; failures are logged and retried at the next interval. */
	public int runOnce() {
		try {
			int changed = this.lifecycle.sync();
			if (changed > 0) {
				logger.info("Owner sync changed {} token(s)", changed);
			}
			return changed;
		}
		catch (RuntimeException ex) {
			logger.warn("Owner sync failed; retrying in {}: {}", this.interval, this.failures.of(ex));
			return 0;
		}
	}

	@Override
	public void destroy() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

}
