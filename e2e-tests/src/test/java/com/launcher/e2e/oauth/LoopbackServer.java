package com.launcher.e2e.oauth;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small HTTP server on the loopback address, for what an OAuth client hosts: its
 * redirect URI (the callback records each request) and its client metadata document.
 */
final class LoopbackServer implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

	private final BlockingQueue<URI> callbacks = new LinkedBlockingQueue<>();

	private LoopbackServer(HttpServer server) {
		this.server = server;
	}

	static LoopbackServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newFixedThreadPool(4, (task) -> {
				Thread thread = new Thread(task, "loopback-server");
				thread.setDaemon(true);
				return thread;
			}));
			server.start();
			LoopbackServer loopback = new LoopbackServer(server);
			server.createContext("/callback", (exchange) -> {
				loopback.callbacks.add(URI.create("http://127.0.0.1:" + loopback.port() + exchange.getRequestURI()));
				respond(exchange, 200, "text/html", "<!DOCTYPE html><title>Done</title><p id=\"done\">Done</p>");
			});
			return loopback;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + port() + path);
	}

	/** The next request to {@code /callback}, as the full URL. */
	URI nextCallback() {
		try {
			URI callback = this.callbacks.poll(30, TimeUnit.SECONDS);
			if (callback == null) {
				throw new IllegalStateException("no callback arrived");
			}
			return callback;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Serves a fixed answer at a path, counting requests. */
	void serve(String path, int status, String contentType, String body, Map<String, List<String>> headers,
			long delayMillis) {
		AtomicInteger count = this.hits.computeIfAbsent(path, (p) -> new AtomicInteger());
		this.server.createContext(path, (exchange) -> {
			count.incrementAndGet();
			if (delayMillis > 0) {
				try {
					Thread.sleep(delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			headers.forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
			respond(exchange, status, contentType, body);
		});
	}

	int hits(String path) {
		AtomicInteger count = this.hits.get(path);
		return (count != null) ? count.get() : 0;
	}

	private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// The client gave up (a timeout test): nothing to do.
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
