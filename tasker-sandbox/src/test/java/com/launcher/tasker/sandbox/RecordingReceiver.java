package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests on 127.0.0.1: keeps every request's raw body bytes and
 * headers, and answers a chosen status.
 */
final class RecordingReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new ArrayList<>();

	private volatile int status = 200;

	RecordingReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				byte[] body = in.readAllBytes();
				Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
				synchronized (this.received) {
					this.received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
							headers, body));
					this.received.notifyAll();
				}
				exchange.sendResponseHeaders(this.status, -1);
			}
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks/tasker";
	}

	void answer(int status) {
		this.status = status;
	}

	List<Received> received() {
		synchronized (this.received) {
			return List.copyOf(this.received);
		}
	}

	List<Received> await(int count, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.received) {
			while (this.received.size() < count && System.nanoTime() < deadline) {
				TimeUnit.NANOSECONDS.timedWait(this.received, Math.max(1, deadline - System.nanoTime()));
			}
			return List.copyOf(this.received);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String method, String path, Map<String, String> headers, byte[] body) {

		String header(String name) {
			return this.headers.get(name);
		}

	}

}
