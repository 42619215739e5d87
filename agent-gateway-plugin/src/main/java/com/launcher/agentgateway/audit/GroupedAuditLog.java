package com.launcher.agentgateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.dao.DataIntegrityViolationException;

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
public final class GroupedAuditLog implements AuditLog {

	/** Stores several events, linked to the chain in the given order, all or none. */
	public interface GroupStore {

		void appendAll(List<AuditEvent> events);

	}

	private static final long MAX_WAIT_NANOS = 5_000_000L;

	private final AuditLog log;

	private final GroupStore store;

	private final int maxGroup;

	private final ReentrantLock writer = new ReentrantLock();

	private final Queue<Pending> queued = new ConcurrentLinkedQueue<>();

	/**
	 * @param log the log that queries and verifies
	 * @param store where groups are appended (the same storage as {@code log})
	 * @param maxGroup the most events in one group
	 */
	public GroupedAuditLog(AuditLog log, GroupStore store, int maxGroup) {
		if (maxGroup < 1) {
			throw new IllegalArgumentException("maxGroup must be positive");
		}
		this.log = log;
		this.store = store;
		this.maxGroup = maxGroup;
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
							// Cannot happen while every taken event is settled; never
							// spin.
							throw new IllegalStateException("Audit event lost from the queue");
						}
						write(group);
					}
				}
				finally {
					this.writer.unlock();
				}
				// Events queued meanwhile wait for a writer: hand the turn to the first
				// of
				// their callers rather than keep writing for others.
				Pending next = this.queued.peek();
				if (next != null) {
					LockSupport.unpark(next.caller);
				}
			}
			else if (!mine.settled) {
				// Woken when the event is settled or the turn is handed over; the bound
				// only guards against a missed hand-over.
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
		catch (DataIntegrityViolationException ex) {
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

	@Override
	public AuditPage query(AuditQuery query) {
		return this.log.query(query);
	}

	@Override
	public ChainVerification verify() {
		return this.log.verify();
	}

	/** A queued event, its caller and, once settled, how its append ended. */
	private static final class Pending {

		private final AuditEvent event;

		private final Thread caller;

		private volatile boolean settled;

		private RuntimeException failure;

		Pending(AuditEvent event, Thread caller) {
			this.event = event;
			this.caller = caller;
		}

		AuditEvent event() {
			return this.event;
		}

		/**
		 * Records the outcome, then wakes the caller (the failure is published first).
		 */
		void settle(RuntimeException failure) {
			this.failure = failure;
			this.settled = true;
			if (this.caller != Thread.currentThread()) {
				LockSupport.unpark(this.caller);
			}
		}

	}

}
