package com.launcher.tasker.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body handler that refuses bodies above a size, so a misbehaving Tasker
 * cannot exhaust the host's memory, and ends bodies still arriving after the exchange's
 * deadline ({@link BodyDeadlines}), so a stalled one cannot hold its caller.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]>, BodyDeadlines.Expiring {

	private final int limit;

	private final long deadline;

	private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private Flow.Subscription subscription;

	private boolean cancelled;

	private BoundedBody(int limit, long deadline) {
		this.limit = limit;
		this.deadline = deadline;
	}

	/**
	 * A handler whose bodies hold at most {@code limit} bytes and must have arrived by
	 * {@code deadline}.
	 * @param limit the largest body accepted, in bytes
	 * @param deadline the {@link System#nanoTime()} by which the body must be complete
	 * @return the handler
	 */
	static HttpResponse.BodyHandler<byte[]> handler(int limit, long deadline) {
		return (info) -> {
			BoundedBody body = new BoundedBody(limit, deadline);
			BodyDeadlines.watch(body);
			return body;
		};
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return this.result;
	}

	@Override
	public long deadline() {
		return this.deadline;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		synchronized (this) {
			this.subscription = subscription;
			if (this.cancelled) {
				subscription.cancel();
			}
			else {
				subscription.request(Long.MAX_VALUE);
			}
		}
	}

	@Override
	public void onNext(List<ByteBuffer> items) {
		for (ByteBuffer item : items) {
			if (this.buffer.size() + item.remaining() > this.limit) {
				end(new IOException("response body too large"));
				return;
			}
			byte[] bytes = new byte[item.remaining()];
			item.get(bytes);
			this.buffer.write(bytes, 0, bytes.length);
		}
	}

	@Override
	public void onError(Throwable throwable) {
		BodyDeadlines.forget(this);
		this.result.completeExceptionally(throwable);
	}

	@Override
	public void onComplete() {
		BodyDeadlines.forget(this);
		this.result.complete(this.buffer.toByteArray());
	}

	@Override
	public void expire() {
		end(new HttpTimeoutException("response body not received in time"));
	}

	/**
	 * Cancels the subscription (once, and never concurrently with another call on it, as
	 * Flow requires) and fails the body.
	 */
	private void end(IOException failure) {
		BodyDeadlines.forget(this);
		synchronized (this) {
			if (this.cancelled) {
				return;
			}
			this.cancelled = true;
			if (this.subscription != null) {
				this.subscription.cancel();
			}
		}
		this.result.completeExceptionally(failure);
	}

}
