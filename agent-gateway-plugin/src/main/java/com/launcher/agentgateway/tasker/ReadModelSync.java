package com.launcher.agentgateway.tasker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.launcher.agentgateway.budget.TaskerCallScope;
import com.launcher.agentgateway.budget.TaskerCaller;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.readmodel.CardCopy;
import com.launcher.agentgateway.readmodel.CopiedProject;
import com.launcher.agentgateway.readmodel.GrantedProject;
import com.launcher.agentgateway.readmodel.ReadModelSettings;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.readmodel.SyncLock;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemStamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heals the copy (plane-api.md §7: webhooks are hints). On one node at a time (an
 * advisory lock), every {@code sync-interval}: it tracks the granted projects and
 * releases the others; per project it reads what changed since its watermark, most
 * recently updated first in pages as large as Tasker allows, down to the watermark (the
 * first pass of a project walks it all: its first fill); every {@code sweep-interval} it
 * lists every card's id to drop the ones deleted or archived (no webhook tells); every
 * {@code meta-interval} it reads states, labels and members again. Its calls spend the
 * shared budget as {@link TaskerCaller#sync()}: what writes and agents' reads leave, at
 * most the budget's sync share.
 */
public class ReadModelSync {

	/** A pass never reads more pages than this per project; the next pass goes on. */
	static final int MAX_PAGES = 50;

	private static final Logger logger = LoggerFactory.getLogger(ReadModelSync.class);

	private final TaskerClient client;

	private final ReadModelStore store;

	private final SyncLock lock;

	private final ReadModelSettings settings;

	private final Clock clock;

	private final Attribution attribution;

	private final FailureNames failures;

	private final AtomicBoolean kicked = new AtomicBoolean();

	private ScheduledExecutorService scheduler;

	public ReadModelSync(TaskerClient client, ReadModelStore store, SyncLock lock, ReadModelSettings settings,
			Clock clock, Attribution attribution, FailureNames failures) {
		this.client = Objects.requireNonNull(client, "client");
		this.store = Objects.requireNonNull(store, "store");
		this.lock = Objects.requireNonNull(lock, "lock");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.clock = Objects.requireNonNull(clock, "clock");
		this.attribution = Objects.requireNonNull(attribution, "attribution");
		this.failures = Objects.requireNonNull(failures, "failures");
	}

	public synchronized void start() {
		if (!this.settings.enabled() || this.scheduler != null) {
			return;
		}
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "agw-read-model-sync");
			thread.setDaemon(true);
			return thread;
		});
		long interval = this.settings.syncInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::runQuietly, Math.min(1000, interval), interval,
				TimeUnit.MILLISECONDS);
	}

	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	/** Runs a pass soon, once, however many ask (a project waits for its first fill). */
	public void kick() {
		ScheduledExecutorService current;
		synchronized (this) {
			current = this.scheduler;
		}
		if (current != null && this.kicked.compareAndSet(false, true)) {
			try {
				current.execute(() -> {
					this.kicked.set(false);
					runQuietly();
				});
			}
			catch (RuntimeException ex) {
				this.kicked.set(false);
			}
		}
	}

	private void runQuietly() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			logger.warn("Read model sync pass failed: {}", this.failures.of(ex));
		}
	}

	/**
	 * One pass over every granted project, if no other node is running one.
	 * @return whether this node ran it
	 */
	public boolean runOnce() {
		Optional<SyncLock.Held> held = this.lock.tryLock();
		if (held.isEmpty()) {
			return false;
		}
		try (SyncLock.Held ignored = held.get(); TaskerCallScope scope = TaskerCallScope.open(TaskerCaller.sync())) {
			Instant now = this.clock.instant();
			List<GrantedProject> granted = this.store.grantedProjects();
			Set<UUID> grantedIds = granted.stream().map(GrantedProject::projectId).collect(Collectors.toSet());
			granted.forEach(this.store::track);
			for (CopiedProject project : this.store.projects()) {
				if (!grantedIds.contains(project.projectId()) && project.releasedAt() == null) {
					// Nobody may read it any more: not served from now on, purged later.
					this.store.release(project.projectId(), now);
				}
			}
			this.store.purgeReleased(now.minus(this.settings.purgeAfter()));
			this.store.pruneDeliveries(now.minus(this.settings.webhookMaxAge()));
			for (CopiedProject project : this.store.projects()) {
				if (project.releasedAt() != null) {
					continue;
				}
				try {
					syncProject(project);
				}
				catch (GatewayException ex) {
					if (ex.errorCode() == ErrorCode.TASKER_BUSY || ex.errorCode() == ErrorCode.TASKER_RATE_LIMITED) {
						// Others need the budget more: the next pass goes on.
						logger.debug("Read model sync yields the Tasker budget");
						break;
					}
					logger.info("Read model sync of project {} failed: {}", project.projectId(), ex.errorCode().code());
				}
				catch (TaskerRateLimitedException ex) {
					logger.debug("Read model sync waits for Tasker's rate limit");
					break;
				}
				catch (TaskerException ex) {
					logger.info("Read model sync of project {} failed: {}", project.projectId(),
							ex.getClass().getSimpleName());
				}
			}
			return true;
		}
	}

	private void syncProject(CopiedProject project) {
		Instant began = this.clock.instant();
		if (due(project.lastMetaAt(), this.settings.metaInterval(), began)) {
			refreshMeta(project, began);
		}
		incremental(project, began);
		if (project.filled() && due(project.lastSweepAt(), this.settings.sweepInterval(), began)) {
			sweep(project);
		}
	}

	/**
	 * Reads the most recently updated cards down to the watermark. Cards as old as the
	 * watermark are read again (another may share its instant); a card older than it ends
	 * the walk.
	 */
	private void incremental(CopiedProject project, Instant began) {
		Instant watermark = project.watermark();
		Instant newest = watermark;
		String cursor = null;
		for (int pages = 0; pages < MAX_PAGES; pages++) {
			String at = cursor;
			TaskerPage<TaskerWorkItem> page = call(
					() -> this.client.listRecentlyUpdatedWorkItems(project.workspace(), project.projectId(), at));
			List<CardCopy> cards = new ArrayList<>();
			boolean reachedWatermark = false;
			for (TaskerWorkItem item : page.items()) {
				if (!item.projectId().equals(project.projectId()) || item.updatedAt() == null) {
					continue;
				}
				Instant updated = item.updatedAt().toInstant();
				if (watermark != null && updated.isBefore(watermark)) {
					reachedWatermark = true;
					continue;
				}
				cards.add(new CardCopy(TaskerValues.workItem(item, this.attribution), item.descriptionHtml()));
				newest = (newest == null || updated.isAfter(newest)) ? updated : newest;
			}
			this.store.saveCards(project.projectId(), cards, this.clock.instant());
			if (reachedWatermark || !page.hasNext()) {
				this.store.recordPass(project.projectId(), newest, began);
				return;
			}
			cursor = page.nextCursor().get();
		}
		logger.info("Read model sync of project {} stopped after {} pages; the next pass goes on", project.projectId(),
				MAX_PAGES);
	}

	/**
	 * Lists every card's id and drops the copies Tasker no longer lists. Tasker pages by
	 * offset, so a card deleted during the listing can push another past a page: a
	 * listing that did not see as many cards as Tasker counted removes nothing.
	 */
	private void sweep(CopiedProject project) {
		Instant began = this.clock.instant();
		Set<UUID> listed = new HashSet<>();
		String cursor = null;
		long counted = -1;
		for (int pages = 0; pages < MAX_PAGES * 10; pages++) {
			String at = cursor;
			TaskerPage<WorkItemStamp> page = call(
					() -> this.client.listWorkItemStamps(project.workspace(), project.projectId(), at));
			if (counted < 0) {
				counted = page.totalCount();
			}
			page.items().forEach((stamp) -> listed.add(stamp.id()));
			if (!page.hasNext()) {
				if (listed.size() == counted) {
					int removed = this.store.removeCardsExcept(project.projectId(), listed, began);
					if (removed > 0) {
						logger.info("Read model: {} cards of project {} are gone from Tasker", removed,
								project.projectId());
					}
				}
				this.store.recordSweep(project.projectId(), this.clock.instant());
				return;
			}
			cursor = page.nextCursor().get();
		}
	}

	private void refreshMeta(CopiedProject project, Instant at) {
		String workspace = project.workspace();
		UUID projectId = project.projectId();
		this.store.replaceStates(projectId,
				map(call(() -> this.client.listStates(workspace, projectId)), TaskerValues::state));
		this.store.replaceLabels(projectId,
				map(call(() -> this.client.listLabels(workspace, projectId)), TaskerValues::label));
		this.store.replaceMembers(projectId,
				map(call(() -> this.client.listProjectMembers(workspace, projectId)), TaskerValues::member));
		this.store.recordMeta(projectId, at);
	}

	private static boolean due(Instant last, java.time.Duration interval, Instant now) {
		return last == null || !last.plus(interval).isAfter(now);
	}

	private static <T, V> List<V> map(List<T> items, Function<T, V> value) {
		return items.stream().map(value).toList();
	}

	private static <T> T call(java.util.function.Supplier<T> action) {
		return action.get();
	}

	/** For tests and operators: the copy's position per project. */
	public Map<UUID, CopiedProject> positions() {
		return this.store.projects().stream().collect(Collectors.toMap(CopiedProject::projectId, (p) -> p));
	}

}
