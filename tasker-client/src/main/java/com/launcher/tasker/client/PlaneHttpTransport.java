package com.launcher.tasker.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerOutcomeUnknownException;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON over {@code java.net.http} to Plane's {@code /api/v1/}: builds each request with
 * the {@code X-API-Key} header and read timeout, never follows redirects, passes it
 * through the {@link Resilience4jGuards}, retries Plane's own 429 after
 * {@code Retry-After}, and turns answers other than success into typed failures
 * ({@link PlaneErrors}). The API key is held here and nowhere else.
 */
final class PlaneHttpTransport {

	// The bound of the client method call this thread is in (see bounded).
	private static final ThreadLocal<CallBound> CALL = new ThreadLocal<>();

	private static final Logger logger = LoggerFactory.getLogger(PlaneHttpTransport.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final URI apiBase;

	private final String apiKey;

	private final PlaneClientOptions options;

	private final HttpClient http;

	private final Resilience4jGuards guards;

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong rateLimitedAnswers = new AtomicLong();

	PlaneHttpTransport(URI baseUrl, String apiKey, PlaneClientOptions options) {
		this.apiBase = URI.create(PlanePaths.withoutTrailingSlash(baseUrl.toString()) + "/api/v1/");
		this.apiKey = apiKey;
		this.options = options;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(options.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			// The default executor hands every response to a pool thread before the
			// waiting caller is woken; on a small, mostly idle machine each hand-off is a
			// wake-up that costs more than the exchange itself (docs/BENCHMARKS.md). The
			// body subscriber never blocks and the only dependant of the exchange is the
			// caller waiting in send, so the client's own thread may complete it.
			.executor(PlaneHttpTransport::runHere)
			.build();
		this.guards = new Resilience4jGuards(options);
	}

	/**
	 * Runs one of the HTTP client's own tasks on the thread that hands it over. A task
	 * that throws is logged and contained, as a pool thread would: the JDK client takes
	 * an exception thrown out of its executor for a rejected task and shuts its selector
	 * down, which would fail every later call.
	 * @param task the client's task
	 */
	static void runHere(Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			logger.warn("Tasker HTTP client task failed: {}", ex.getClass().getSimpleName());
		}
	}

	URI apiBase() {
		return this.apiBase;
	}

	PlaneTaskerClient.Stats stats() {
		return new PlaneTaskerClient.Stats(this.calls.get(), this.guards.permitWaits(), this.guards.totalPermitWait(),
				this.guards.maxPermitWait(), this.rateLimitedAnswers.get(), this.guards.circuitState());
	}

	JsonNode get(String path, Map<String, String> query) {
		return execute("GET", path, query, null);
	}

	JsonNode send(String method, String path, ObjectNode body) {
		return execute(method, path, Map.of(), body);
	}

	private JsonNode execute(String method, String path, Map<String, String> query, ObjectNode body) {
		boolean write = !method.equals("GET");
		Map<String, String> fullQuery = new LinkedHashMap<>(query);
		if (!write && !fullQuery.containsKey("per_page")) {
			// plane-api.md §2.1: Plane's default page is 1000; always send per_page.
			fullQuery.put("per_page", Integer.toString(this.options.pageSize()));
		}
		URI uri = this.apiBase.resolve(path + PlanePaths.query(fullQuery));
		byte[] payload = (body != null) ? MAPPER.writeValueAsBytes(body) : null;
		CallBound bound = CALL.get();
		for (int attempt = 0;; attempt++) {
			if (bound != null) {
				bound.requireTimeLeft();
				bound.wrote |= write;
			}
			try {
				return this.guards.call(() -> exchange(method, uri, payload, write));
			}
			catch (ServerRateLimited ex) {
				this.rateLimitedAnswers.incrementAndGet();
				// A 429 is answered before the view runs, so retrying a write cannot
				// duplicate it.
				if (attempt >= this.options.max429Retries() || ex.retryAfter.compareTo(this.options.maxRetryAfter()) > 0
						|| (bound != null && !bound.hasLeft(ex.retryAfter))) {
					throw new TaskerRateLimitedException(ex.retryAfter);
				}
				sleep(ex.retryAfter);
			}
		}
	}

	/**
	 * Runs one method call of the client within
	 * {@link PlaneClientOptions#callTimeLimit()}: no exchange, page or retry of it starts
	 * after the limit, so the whole call ends within
	 * {@link PlaneClientOptions#longestCall()}, which the host promises its plugins (an
	 * idempotency lease is derived from it). A call inside a call keeps the outer bound.
	 * @param call the method's work
	 * @return its answer
	 */
	<T> T bounded(Supplier<T> call) {
		if (CALL.get() != null) {
			return call.get();
		}
		CALL.set(new CallBound(System.nanoTime() + this.options.callTimeLimit().toNanos()));
		try {
			return call.get();
		}
		finally {
			CALL.remove();
		}
	}

	private JsonNode exchange(String method, URI uri, byte[] payload, boolean write) {
		this.calls.incrementAndGet();
		long deadline = System.nanoTime() + this.options.timeLimit().toNanos();
		// The request timeout bounds the wait for the headers (it stops counting when
		// they arrive); BoundedBody ends a body still arriving at the deadline.
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(min(this.options.readTimeout(), this.options.timeLimit()))
			.header("X-API-Key", this.apiKey)
			.header("Accept", "application/json");
		if (payload != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<byte[]> response;
		try {
			// send, not sendAsync: sendAsync completes its future through
			// CompletableFuture's default executor, which on two CPUs or fewer starts a
			// new thread for every response (docs/tasker.md).
			response = this.http.send(request.build(), BoundedBody.handler(MAX_BODY_BYTES, deadline));
		}
		catch (HttpConnectTimeoutException | ConnectException ex) {
			// Nothing reached Tasker.
			throw new TaskerUnavailableException(ex);
		}
		catch (IOException ex) {
			throw write ? new TaskerOutcomeUnknownException(ex) : new TaskerUnavailableException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw write ? new TaskerOutcomeUnknownException(ex) : new TaskerUnavailableException(ex);
		}
		catch (RuntimeException ex) {
			throw write ? new TaskerOutcomeUnknownException(ex) : new TaskerUnavailableException(ex);
		}
		int status = response.statusCode();
		JsonNode json = parse(response.body());
		logger.debug("Tasker {} {} -> {}", method, uri.getRawPath(), status);
		if (status >= 200 && status < 300) {
			if (json == null && status != 204) {
				throw write ? new TaskerOutcomeUnknownException(null) : new TaskerUnavailableException();
			}
			return json;
		}
		if (PlaneErrors.isRouteNotFound(status, json)) {
			throw new RouteNotFoundException();
		}
		if (status == 429) {
			throw new ServerRateLimited(PlaneErrors.retryAfter(response.headers()));
		}
		throw PlaneErrors.toException(status, response.headers(), json, write);
	}

	private static JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TaskerRateLimitedException(duration);
		}
	}

	/** Plane answered 404 "Page not found.": the route does not exist. */
	static final class RouteNotFoundException extends TaskerNotFoundException {

		private static final long serialVersionUID = 1L;

	}

	/** Plane's own 429, retried here after Retry-After. */
	private static final class ServerRateLimited extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Duration retryAfter;

		ServerRateLimited(Duration retryAfter) {
			super("rate limited", null, false, false);
			this.retryAfter = retryAfter;
		}

	}

	/** The time limit of the method call running on this thread, and whether it wrote. */
	private static final class CallBound {

		private final long deadlineNanos;

		private boolean wrote;

		CallBound(long deadlineNanos) {
			this.deadlineNanos = deadlineNanos;
		}

		boolean hasLeft(Duration wait) {
			return System.nanoTime() + wait.toNanos() - this.deadlineNanos <= 0;
		}

		void requireTimeLeft() {
			if (System.nanoTime() - this.deadlineNanos > 0) {
				// After a write was sent its effect is unknown; before it, nothing
				// reached Tasker and a retry is safe.
				TimeoutException cause = new TimeoutException("call time limit reached");
				throw this.wrote ? new TaskerOutcomeUnknownException(cause) : new TaskerUnavailableException(cause);
			}
		}

	}

}
