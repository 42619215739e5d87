package com.launcher.agentgateway.observe;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerCredentialRejectedException;
import com.launcher.host.api.tasker.TaskerForbiddenException;
import com.launcher.host.api.tasker.TaskerInvalidRequestException;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerOutcomeUnknownException;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

/**
 * The host's Tasker client with every call timed by operation (the method, in snake case)
 * and status (how it ended, from the exception's type), and the last status kept for the
 * health check. A proxy, so a method added to the contract is measured without a change
 * here.
 */
public final class MeteredTaskerClient implements InvocationHandler {

	// The label of each failure the host's Tasker client reports, first match wins.
	private static final List<Map.Entry<Class<? extends Throwable>, String>> STATUSES = List.of(
			Map.entry(TaskerNotFoundException.class, "not_found"),
			Map.entry(TaskerForbiddenException.class, "forbidden"),
			Map.entry(TaskerInvalidRequestException.class, "invalid_request"),
			Map.entry(TaskerAlreadyExistsException.class, "already_exists"),
			Map.entry(TaskerRateLimitedException.class, "rate_limited"),
			Map.entry(TaskerCredentialRejectedException.class, "credential_rejected"),
			Map.entry(TaskerOutcomeUnknownException.class, "outcome_unknown"),
			Map.entry(TaskerUnavailableException.class, "unavailable"));

	private final TaskerClient delegate;

	private final GatewayMetrics metrics;

	private final Clock clock;

	private final Tracer tracer;

	private final Map<Method, Operation> operations = new ConcurrentHashMap<>();

	private volatile LastCall lastCall;

	private MeteredTaskerClient(TaskerClient delegate, GatewayMetrics metrics, Clock clock, Tracer tracer) {
		this.delegate = delegate;
		this.metrics = metrics;
		this.clock = clock;
		this.tracer = tracer;
	}

	/** The client to use, and its meter for the health check. */
	public static MeteredTaskerClient of(TaskerClient delegate, GatewayMetrics metrics, Clock clock) {
		return of(delegate, metrics, clock, OpenTelemetry.noop().getTracer("none"));
	}

	/** The same, with a span for each call made within a traced request. */
	public static MeteredTaskerClient of(TaskerClient delegate, GatewayMetrics metrics, Clock clock, Tracer tracer) {
		return new MeteredTaskerClient(delegate, metrics, clock, tracer);
	}

	public TaskerClient client() {
		return (TaskerClient) Proxy.newProxyInstance(MeteredTaskerClient.class.getClassLoader(),
				new Class<?>[] { TaskerClient.class }, this);
	}

	/** How the last call to Tasker ended, or {@code null} before the first. */
	public LastCall lastCall() {
		return this.lastCall;
	}

	@Override
	public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
		if (method.getDeclaringClass() == Object.class) {
			return switch (method.getName()) {
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "Metered" + this.delegate;
			};
		}
		if ("longestCall".equals(method.getName())) {
			// A setting, not a call to Tasker: nothing to count.
			return this.delegate.longestCall();
		}
		Operation named = this.operations.computeIfAbsent(method, Operation::of);
		String operation = named.name();
		// A child of the request being served, never a trace of its own: background
		// calls (the owner sync) would only add noise.
		Span span = Span.current().getSpanContext().isValid() ? this.tracer.spanBuilder(named.spanName())
			.setSpanKind(SpanKind.CLIENT)
			.setAttribute("agent_gateway.tasker.operation", operation)
			.startSpan() : Span.getInvalid();
		long start = System.nanoTime();
		String status = "ok";
		try (Scope scope = span.makeCurrent()) {
			return method.invoke(this.delegate, args);
		}
		catch (InvocationTargetException ex) {
			status = statusOf(ex.getCause());
			span.setStatus(StatusCode.ERROR);
			throw ex.getCause();
		}
		finally {
			this.metrics.taskerCall(operation, status, System.nanoTime() - start);
			this.lastCall = new LastCall(operation, status, this.clock.instant());
			span.setAttribute("agent_gateway.tasker.status", status);
			span.end();
		}
	}

	static String statusOf(Throwable failure) {
		// A loop, not a stream: this runs for every failed call, in bursts when Tasker
		// is down.
		for (Map.Entry<Class<? extends Throwable>, String> status : STATUSES) {
			if (status.getKey().isInstance(failure)) {
				return status.getValue();
			}
		}
		return "error";
	}

	/**
	 * A method's operation tag and span name, made once per method rather than per call.
	 *
	 * @param name the method in snake case
	 * @param spanName the span's name
	 */
	private record Operation(String name, String spanName) {

		static Operation of(Method method) {
			String name = method.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
			return new Operation(name, "tasker " + name);
		}

	}

	/**
	 * The last call to Tasker.
	 *
	 * @param operation the operation
	 * @param status how it ended
	 * @param at when
	 */
	public record LastCall(String operation, String status, Instant at) {

		/** Whether Tasker answered at all (a refusal is an answer). */
		public boolean reached() {
			return !"unavailable".equals(this.status) && !"outcome_unknown".equals(this.status)
					&& !"credential_rejected".equals(this.status) && !"error".equals(this.status);
		}

	}

}
