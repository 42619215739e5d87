package com.launcher.agentgateway.budget;

/**
 * Names the caller of the Tasker calls made on this thread until the scope closes, so the
 * client that spends the budget knows who asks without every port carrying it:
 *
 * <pre>
 * try (TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.sync())) {
 *     client.listWorkItems(...);   // spends the budget as the sync
 * }
 * </pre>
 *
 * Scopes nest (the inner one wins until it closes). A call made outside any scope counts
 * as {@link TaskerCaller#UNNAMED}.
 */
public final class TaskerCallScope implements AutoCloseable {

	private static final ThreadLocal<TaskerCallScope> CURRENT = new ThreadLocal<>();

	private final TaskerCaller caller;

	private final TaskerCallScope outer;

	private final Thread thread;

	private final long openedNanos;

	private boolean closed;

	private TaskerCallScope(TaskerCaller caller, TaskerCallScope outer) {
		this.caller = caller;
		this.outer = outer;
		this.thread = Thread.currentThread();
		this.openedNanos = System.nanoTime();
	}

	/**
	 * Opens a scope on the current thread; close it on the same thread.
	 * @param caller who the calls are for
	 * @return the scope
	 */
	public static TaskerCallScope open(TaskerCaller caller) {
		java.util.Objects.requireNonNull(caller, "caller");
		TaskerCallScope scope = new TaskerCallScope(caller, CURRENT.get());
		CURRENT.set(scope);
		return scope;
	}

	/** The caller named by the innermost open scope of this thread. */
	public static TaskerCaller current() {
		TaskerCallScope scope = CURRENT.get();
		return (scope != null) ? scope.caller : TaskerCaller.UNNAMED;
	}

	/**
	 * How long the outermost open scope of this thread has been open: how long the work
	 * it stands for (a tool call) has been running.
	 * @return the time, or zero outside any scope
	 */
	public static java.time.Duration elapsed() {
		TaskerCallScope scope = CURRENT.get();
		if (scope == null) {
			return java.time.Duration.ZERO;
		}
		while (scope.outer != null) {
			scope = scope.outer;
		}
		return java.time.Duration.ofNanos(System.nanoTime() - scope.openedNanos);
	}

	public TaskerCaller caller() {
		return this.caller;
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		if (Thread.currentThread() != this.thread) {
			throw new IllegalStateException("a Tasker call scope is closed on the thread that opened it");
		}
		this.closed = true;
		if (this.outer != null) {
			CURRENT.set(this.outer);
		}
		else {
			CURRENT.remove();
		}
	}

}
