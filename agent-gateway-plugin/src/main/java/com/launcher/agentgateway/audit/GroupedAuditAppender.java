package com.launcher.agentgateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Appends concurrent events of this node as one group: one transaction, one pass over the
 * chain head's row lock and one commit for all of them, where one each made every request
 * of every node queue on that lock (32 agents on two CPUs: 60 % of the active database
 * sessions were waiting for it).
 * <p>
 * A caller that finds no append under way writes its own event at once, so a lone caller
 * pays nothing. Callers that arrive meanwhile queue their events and wait; once the
 * writer has its own event stored it hands the turn to the first waiting caller, who
 * writes everything queued so far (up to the group bound) as one group. Each waiting
 * caller is woken once, when its event is settled. Every caller returns only once its
 * event is committed, or throws as {@link AuditLog#append} does, so an answer never
 * leaves before its audit event. When a group is refused for one event's data, the events
 * are written again one by one, so only that event's caller fails.
 */
public final class GroupedAuditAppender implements AuditAppender {

	/**
	 * The longest a waiting caller parks before it looks again: it is woken explicitly,
	 * and this only bounds the cost of a missed wake-up.
	 */
	private static final long MAX_WAIT_NANOS = 5_000_000L;

	private final AuditAppender store;

	private final int maxGroup;

	private final ReentrantLock writer = new ReentrantLock();

	private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();

	/**
	 * @param store where groups are appended
	 * @param maxGroup the most events in one group
	 */
	public GroupedAuditAppender(AuditAppender store, int maxGroup) {
		if (maxGroup < 1) {
			throw new IllegalArgumentException("maxGroup must be positive");
		}
		this.store = store;
		this.maxGroup = maxGroup;
	}

	/** A group a caller already holds goes to the store as it is. */
	@Override
	public void appendAll(List<AuditEvent> events) {
		this.store.appendAll(events);
	}

	@Override
	public void append(AuditEvent event) {
		Pending mine = new Pending(event, Thread.currentThread());
		this.queued.add(mine);
		do {
			if (this.writer.tryLock()) {
				try {
					while (!mine.settled) {
						List<Pending> group = takeGroup();
						if (group.isEmpty()) {
							// Every event taken from the queue is settled before the
							// writer lets go, so this cannot happen; fail, never spin.
							throw new IllegalStateException("Audit event lost from the queue");
						}
						write(group);
					}
				}
				finally {
					this.writer.unlock();
				}
				// Events queued meanwhile wait for a writer: hand the turn to the first
				// of their callers rather than keep writing for others.
				Pending next = this.queued.peek();
				if (next != null) {
					LockSupport.unpark(next.caller);
				}
			}
			else if (!mine.settled) {
				LockSupport.parkNanos(this, MAX_WAIT_NANOS);
			}
		}
		while (!mine.settled);
		if (mine.failure != null) {
			throw mine.failure;
		}
	}

	private List<Pending> takeGroup() {
		List<Pending> group = new ArrayList<>();
		for (Pending next = this.queued.poll(); next != null; next = this.queued.poll()) {
			group.add(next);
			if (group.size() == this.maxGroup) {
				break;
			}
		}
		return group;
	}

	private void write(List<Pending> group) {
		try {
			this.store.appendAll(group.stream().map(Pending::event).toList());
			group.forEach((pending) -> pending.settle(null));
		}
		catch (AuditEventRefusedException ex) {
			if (group.size() == 1) {
				group.get(0).settle(ex);
				return;
			}
			// One event's data was refused; the others must not fail with it.
			for (Pending pending : group) {
				try {
					this.store.appendAll(List.of(pending.event()));
					pending.settle(null);
				}
				catch (RuntimeException single) {
					pending.settle(single);
				}
			}
		}
		catch (RuntimeException ex) {
			// The database is unreachable or failing: every event of the group failed
			// alike, and trying each again would only make its callers wait longer.
			group.forEach((pending) -> pending.settle(ex));
		}
		catch (Error ex) {
			// The waiting callers must not wait for ever; the writer's thread rethrows.
			IllegalStateException failure = new IllegalStateException("Audit append failed", ex);
			group.forEach((pending) -> pending.settle(failure));
			throw ex;
		}
	}

	/** A queued event, its caller and, once settled, how its append ended. */
	private static final class Pending {

		private final AuditEvent event;

		private final Thread caller;

		private volatile boolean settled;

		// Written before the volatile settled flag and read after it: published by it.
		private RuntimeException failure;

		Pending(AuditEvent event, Thread caller) {
			this.event = event;
			this.caller = caller;
		}

		AuditEvent event() {
			return this.event;
		}

		/** Records the outcome, then wakes the caller. */
		void settle(RuntimeException failure) {
			this.failure = failure;
			this.settled = true;
			if (this.caller != Thread.currentThread()) {
				LockSupport.unpark(this.caller);
			}
		}

	}

}
