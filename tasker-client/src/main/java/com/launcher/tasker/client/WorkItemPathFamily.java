package com.launcher.tasker.client;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerOutcomeUnknownException;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work-item path family, {@code work-items} or {@code issues} (plane-api.md §9 item
 * 1), learned from the first work-item call that gets an answer.
 */
final class WorkItemPathFamily {

	private static final Logger logger = LoggerFactory.getLogger(WorkItemPathFamily.class);

	private final AtomicReference<String> family = new AtomicReference<>();

	/**
	 * Runs a work-item call on the family known to work; while unknown, tries
	 * {@code work-items} and falls back to {@code issues} when Tasker says the route does
	 * not exist. Any other answer proves the route exists, so the choice is made once.
	 */
	<T> T call(Function<String, T> call) {
		String known = this.family.get();
		if (known != null) {
			return call.apply(known);
		}
		try {
			T result = call.apply("work-items");
			this.family.compareAndSet(null, "work-items");
			return result;
		}
		catch (PlaneHttpTransport.RouteNotFoundException ex) {
			logger.info("Tasker has no /work-items/ routes; using the /issues/ family");
			this.family.set("issues");
			return call.apply("issues");
		}
		catch (TaskerException ex) {
			if (!(ex instanceof TaskerUnavailableException) && !(ex instanceof TaskerOutcomeUnknownException)) {
				this.family.compareAndSet(null, "work-items");
			}
			throw ex;
		}
	}

}
