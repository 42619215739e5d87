package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox's HTTP server on 127.0.0.1, behind {@link TaskerSandbox}. Each exchange
 * goes to the control path when enabled, to the web app's card page, or through the
 * faults tests injected to Plane's API; every API call is journaled, and the changes it
 * made go to the webhook worker only after the answer, as Plane's views queue Celery
 * tasks that run after the response.
 */
final class SandboxServer {

	private static final Logger logger = LoggerFactory.getLogger(SandboxServer.class);

	private static final int MAX_BODY = 5 * 1024 * 1024;

	static {
		// The JDK server writes headers and body separately; with Nagle on, delayed ACKs
		// add about 40 ms to every small answer on loopback, which would swamp any
		// measurement.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final TaskerSandbox sandbox;

	private final SandboxOptions options;

	private final SandboxStore store;

	private final PlaneApi api;

	private final Faults faults;

	private final WebhookDispatcher webhookDispatcher;

	private final List<JournalEntry> journal = new ArrayList<>();

	private final HttpServer server;

	private final ExecutorService executor;

	/**
	 * Binds the port without serving yet, so that the sandbox is whole before its first
	 * request: the control path calls back into it.
	 */
	SandboxServer(TaskerSandbox sandbox, SandboxOptions options, SandboxStore store, PlaneApi api, Faults faults,
			WebhookDispatcher webhookDispatcher) throws IOException {
		this.sandbox = sandbox;
		this.options = options;
		this.store = store;
		this.api = api;
		this.faults = faults;
		this.webhookDispatcher = webhookDispatcher;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), options.port()), 0);
		this.executor = Executors.newCachedThreadPool(daemonThreads());
		this.server.setExecutor(this.executor);
		this.server.createContext("/", this::handle);
	}

	void start() {
		this.server.start();
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	List<JournalEntry> journal() {
		synchronized (this.journal) {
			return List.copyOf(this.journal);
		}
	}

	void clearJournal() {
		synchronized (this.journal) {
			this.journal.clear();
		}
	}

	void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getRawPath();
			String rawQuery = exchange.getRequestURI().getRawQuery();
			byte[] bytes = readBody(exchange.getRequestBody());
			if (bytes.length > MAX_BODY) {
				send(exchange, 413,
						"{\"error\":\"REQUEST_BODY_TOO_LARGE\",\"detail\":\"Request body exceeds the limit\"}",
						Map.of());
				return;
			}
			String body = new String(bytes, StandardCharsets.UTF_8);
			if (path.startsWith("/_sandbox/") && this.options.controlEnabled()) {
				SandboxControl.handle(this.sandbox, exchange, method, path, rawQuery, body);
				return;
			}
			if (method.equals("GET") && WebAppPage.matches(path)) {
				WebAppPage.render(this.store, exchange, path);
				return;
			}
			sleep(this.faults.latency());
			if (this.faults.takeDrop()) {
				record(method, path, rawQuery, body, 0);
				return;
			}
			String[] failure = this.faults.takeFailure();
			if (failure != null) {
				int status = Integer.parseInt(failure[0]);
				record(method, path, rawQuery, body, status);
				send(exchange, status, failure[1], Map.of());
				return;
			}
			PlaneApi.Request request = new PlaneApi.Request(method, path, QueryStrings.parse(rawQuery), body,
					exchange.getRequestHeaders().getFirst("X-Api-Key"),
					exchange.getRequestHeaders().getFirst("Content-Type"));
			PlaneApi.Response response = this.api.handle(request);
			boolean write = !method.equals("GET") && !method.equals("HEAD");
			if (write && response.status() < 300 && this.faults.takeResetAfterWrite()) {
				// The write is applied and its webhooks queued; closing without a
				// status leaves the outcome unknown.
				record(method, path, rawQuery, body, 0);
				this.webhookDispatcher.enqueue(response.activities());
				return;
			}
			record(method, path, rawQuery, body, response.status());
			String text = (response.body() != null) ? Json.MAPPER.writeValueAsString(response.body()) : "";
			// Plane's views queue Celery tasks; its worker runs them after the answer.
			this.webhookDispatcher.afterAnswer(response.activities(),
					() -> send(exchange, response.status(), text, response.headers()));
		}
		catch (RuntimeException ex) {
			logger.warn("Tasker sandbox failed to handle a request", ex);
			throw ex;
		}
	}

	private void record(String method, String path, String rawQuery, String body, int status) {
		synchronized (this.journal) {
			this.journal.add(new JournalEntry(method, path, (rawQuery != null) ? rawQuery : "", body, status));
		}
	}

	static void send(HttpExchange exchange, int status, String text, Map<String, String> headers) throws IOException {
		headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		if (bytes.length > 0) {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
		}
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		if (bytes.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	private static byte[] readBody(InputStream in) throws IOException {
		return in.readNBytes(MAX_BODY + 1);
	}

	private static void sleep(Duration duration) {
		if (!duration.isZero()) {
			try {
				Thread.sleep(duration.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "tasker-sandbox-" + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
