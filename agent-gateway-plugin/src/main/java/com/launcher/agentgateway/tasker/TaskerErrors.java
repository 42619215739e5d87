package com.launcher.agentgateway.tasker;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.core.PlainText;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.host.api.tasker.TaskerCredentialRejectedException;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerForbiddenException;
import com.launcher.host.api.tasker.TaskerInvalidRequestException;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerOutcomeUnknownException;
import com.launcher.host.api.tasker.TaskerRateLimitedException;

/**
 * The one table from Tasker failures to the gateway's error codes. Only
 * {@link ErrorCode#OUTCOME_UNKNOWN} leaves a write in doubt; everything else is a
 * definite failure that releases an idempotency claim.
 */
public final class TaskerErrors {

	private TaskerErrors() {
	}

	public static GatewayException map(TaskerException ex) {
		if (ex instanceof TaskerOutcomeUnknownException) {
			return new GatewayException(ErrorCode.OUTCOME_UNKNOWN, null, Map.of(), Duration.ofSeconds(5));
		}
		if (ex instanceof TaskerRateLimitedException limited) {
			return GatewayException.retryAfter(ErrorCode.TASKER_RATE_LIMITED, limited.retryAfter());
		}
		if (ex instanceof TaskerNotFoundException) {
			return new GatewayException(ErrorCode.NOT_FOUND);
		}
		if (ex instanceof TaskerForbiddenException) {
			return new GatewayException(ErrorCode.FORBIDDEN);
		}
		if (ex instanceof TaskerInvalidRequestException invalid) {
			return new GatewayException(ErrorCode.TASKER_REJECTED, null,
					Map.of("tasker_errors", safeFieldErrors(invalid.fieldErrors())), null);
		}
		if (ex instanceof TaskerCredentialRejectedException) {
			// A host configuration fault: say "unavailable", never anything about the
			// credential.
			return new GatewayException(ErrorCode.TASKER_UNAVAILABLE);
		}
		return GatewayException.retryAfter(ErrorCode.TASKER_UNAVAILABLE, Duration.ofSeconds(10));
	}

	/**
	 * Tasker's validation texts are untrusted: sanitised, bounded, at most ten fields.
	 */
	private static Map<String, String> safeFieldErrors(Map<String, List<String>> fieldErrors) {
		Map<String, String> safe = new LinkedHashMap<>();
		fieldErrors.entrySet().stream().limit(10).forEach((entry) -> {
			String text = PlainText.sanitize(String.join("; ", entry.getValue()));
			safe.put(PlainText.sanitize(entry.getKey()), (text.length() > 200) ? text.substring(0, 200) : text);
		});
		return safe;
	}

	/** Runs a Tasker call, its failure told in the gateway's words. */
	static <T> T call(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (TaskerException ex) {
			throw map(ex);
		}
	}

}
