package com.launcher.agentgateway.tasker;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TaskerProjects.Membership;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.readmodel.CardCopy;
import com.launcher.agentgateway.readmodel.CommentCopy;
import com.launcher.agentgateway.readmodel.CopiedCard;
import com.launcher.agentgateway.readmodel.CopiedProject;
import com.launcher.agentgateway.readmodel.GrantedProject;
import com.launcher.agentgateway.readmodel.ReadModelSettings;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.workitem.Comment;
import com.launcher.agentgateway.workitem.Label;
import com.launcher.agentgateway.workitem.Member;
import com.launcher.agentgateway.workitem.NewWorkItem;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.PostedComment;
import com.launcher.agentgateway.workitem.ReadableId;
import com.launcher.agentgateway.workitem.Snapshot;
import com.launcher.agentgateway.workitem.State;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemChange;
import com.launcher.agentgateway.workitem.WorkItemFilter;
import com.launcher.agentgateway.workitem.WorkItemRef;
import com.launcher.agentgateway.workitem.WorkItems;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerWorkItem;
import org.slf4j.LoggerFactory;

/**
 * The work items port served from the read model (DESIGN §5): reads of a project whose
 * copy is filled come from PostgreSQL with the time the copy was last known current
 * ({@code asOf}) and cost no Tasker call. Everything else goes to Tasker through
 * {@link TaskerWorkItems}: writes (whose answers refresh the copy at once), membership,
 * {@code fresh} reads, reads of a project not filled yet (which asks the sync to fill
 * it), and a card the copy does not hold (read through, then kept).
 * <p>
 * The caller has already checked the grant, so the copy is asked only for the granted
 * project; a project the sync released (no grant left) is never served from the copy.
 */
public class ReadModelWorkItems implements WorkItems {

	private final TaskerWorkItems live;

	private final TaskerClient client;

	private final ReadModelStore store;

	private final ReadModelSettings settings;

	private final Runnable fillRequested;

	private final Clock clock;

	/**
	 * @param live the port over Tasker, whose answers feed the copy
	 * @param client the (budgeted) Tasker client, for comments
	 * @param store the copy
	 * @param settings the bounds
	 * @param fillRequested asks the sync to run soon (a project needs its first fill)
	 * @param clock the clock
	 */
	public ReadModelWorkItems(TaskerWorkItems live, TaskerClient client, ReadModelStore store,
			ReadModelSettings settings, Runnable fillRequested, Clock clock) {
		this.live = Objects.requireNonNull(live, "live");
		this.client = Objects.requireNonNull(client, "client");
		this.store = Objects.requireNonNull(store, "store");
		this.settings = Objects.requireNonNull(settings, "settings");
		this.fillRequested = Objects.requireNonNull(fillRequested, "fillRequested");
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * The consumer {@link TaskerWorkItems} tells of every card Tasker answers with: the
	 * copy keeps it if it is as new as what it holds.
	 * @param store the copy
	 * @param clock the clock
	 * @param attribution how an agent's writes are attributed in Tasker
	 * @param failures what the log says when the copy cannot keep an answer
	 * @return the consumer
	 */
	public static java.util.function.Consumer<TaskerWorkItem> keeper(ReadModelStore store, Clock clock,
			Attribution attribution, FailureNames failures) {
		return (item) -> {
			try {
				store.saveCards(item.projectId(),
						List.of(new CardCopy(TaskerValues.workItem(item, attribution), item.descriptionHtml())),
						clock.instant());
			}
			catch (RuntimeException ex) {
				// The copy is a cache: failing to keep an answer must not fail the call
				// that got it; the sync keeps the copy later.
				LoggerFactory.getLogger(ReadModelWorkItems.class)
					.warn("Could not keep Tasker's answer in the read model: {}", failures.of(ex));
			}
		};
	}

	@Override
	public Membership ownerMembership(AgentPrincipal agent, Grant grant) {
		return this.live.ownerMembership(agent, grant);
	}

	@Override
	public Page<State> states(Grant grant) {
		return meta(grant, this.store::states, this.live::states);
	}

	@Override
	public Page<Label> labels(Grant grant) {
		return meta(grant, this.store::labels, this.live::labels);
	}

	@Override
	public Page<Member> members(Grant grant) {
		return meta(grant, this.store::members, this.live::members);
	}

	/**
	 * The copy keeps members' display names, not their e-mail addresses (they never reach
	 * an agent), so "me" is resolved by Tasker.
	 */
	@Override
	public Optional<UUID> memberId(Grant grant, String email) {
		return this.live.memberId(grant, email);
	}

	@Override
	public Page<WorkItem> list(Grant grant, WorkItemFilter filter, Page.Request request) {
		Optional<CopiedProject> project = servable(grant);
		String cursor = request.cursor();
		boolean ours = cursor != null && cursor.startsWith(ReadModelCursors.CARDS);
		if (project.isEmpty() || (cursor != null && !ours)) {
			if (ours) {
				// A page of the copy, but the copy no longer answers for the project.
				throw ReadModelCursors.notOurs();
			}
			return this.live.list(grant, filter, request);
		}
		ReadModelStore.CardKey after = ours ? ReadModelCursors.cardKey(cursor) : null;
		List<WorkItem> rows = this.store.cards(grant.projectId(), filter, after, request.limit() + 1);
		boolean more = rows.size() > request.limit();
		List<WorkItem> items = more ? rows.subList(0, request.limit()) : rows;
		Optional<String> next = Optional.empty();
		if (more) {
			WorkItem last = items.get(items.size() - 1);
			next = Optional.of(ReadModelCursors.card(last.updatedAt(), last.id()));
		}
		return new Page<>(items, next, Optional.of(project.get().asOf()));
	}

	@Override
	public Snapshot<WorkItem> get(Grant grant, WorkItemRef ref, Freshness freshness) {
		Optional<CopiedProject> project = (freshness == Freshness.ANY) ? servable(grant) : Optional.empty();
		if (project.isEmpty()) {
			return this.live.get(grant, ref, freshness);
		}
		Optional<CopiedCard> copied = copied(grant, ref);
		if (copied.isEmpty()) {
			// Not (yet) in the copy: created since the last pass with its webhook lost,
			// or no such card. Tasker says which, and its answer is kept.
			return this.live.get(grant, ref, Freshness.LIVE);
		}
		Instant asOf = project.get().asOf();
		Instant copiedAt = copied.get().copiedAt();
		return new Snapshot<>(copied.get().item(), Optional.of(asOf.isAfter(copiedAt) ? asOf : copiedAt));
	}

	@Override
	public Page<Comment> comments(Grant grant, WorkItemRef ref, Page.Request request) {
		Optional<CopiedProject> project = servable(grant);
		String cursor = request.cursor();
		boolean ours = cursor != null && cursor.startsWith(ReadModelCursors.COMMENTS);
		if (project.isEmpty() || (cursor != null && !ours)) {
			if (ours) {
				throw ReadModelCursors.notOurs();
			}
			return this.live.comments(grant, ref, request);
		}
		CopiedCard card = copied(grant, ref).orElse(null);
		if (card == null) {
			WorkItem read = this.live.get(grant, ref, Freshness.LIVE).value();
			card = this.store.card(grant.projectId(), read.id()).orElse(null);
			if (card == null) {
				return this.live.comments(grant, ref, request);
			}
		}
		Instant copiedAt = card.commentsCopiedAt();
		Instant now = this.clock.instant();
		if (copiedAt == null || copiedAt.isBefore(now.minus(this.settings.commentsBound()))) {
			// Plane lists comments per card, one call each: a card's comments are read on
			// its first read and again after the bound (a deleted comment fires nothing);
			// webhooks keep them fresh in between.
			UUID cardId = card.item().id();
			List<TaskerComment> answer = TaskerErrors
				.call(() -> this.client.listAllComments(grant.workspace(), grant.projectId(), cardId));
			this.store.replaceComments(grant.projectId(), cardId,
					answer.stream()
						.filter((comment) -> cardId.equals(comment.workItemId()))
						.map((comment) -> commentCopy(grant.projectId(), comment, this.live.attribution()))
						.toList(),
					now);
			copiedAt = now;
		}
		ReadModelStore.CommentKey after = ours ? ReadModelCursors.commentKey(cursor) : null;
		List<Comment> rows = this.store.comments(card.item().id(), after, request.limit() + 1);
		boolean more = rows.size() > request.limit();
		List<Comment> items = more ? rows.subList(0, request.limit()) : rows;
		Optional<String> next = Optional.empty();
		if (more) {
			Comment last = items.get(items.size() - 1);
			next = Optional.of(ReadModelCursors.comment(last.createdAt(), last.id()));
		}
		return new Page<>(items, next, Optional.of(copiedAt));
	}

	@Override
	public WorkItem create(Grant grant, AgentPrincipal agent, NewWorkItem draft, IdempotencyKey key,
			boolean reconcile) {
		return this.live.create(grant, agent, draft, key, reconcile);
	}

	/**
	 * Checked against Tasker's answer, never the copy: {@link TaskerWorkItems} reads the
	 * card first.
	 */
	@Override
	public WorkItem update(Grant grant, AgentPrincipal agent, WorkItemRef ref, WorkItemChange change,
			OffsetDateTime expectedUpdatedAt, boolean reconcile) {
		return this.live.update(grant, agent, ref, change, expectedUpdatedAt, reconcile);
	}

	@Override
	public PostedComment addComment(Grant grant, AgentPrincipal agent, WorkItemRef ref, String markdown,
			IdempotencyKey key) {
		PostedComment posted = this.live.addComment(grant, agent, ref, markdown, key);
		this.store.saveComment(new CommentCopy(grant.projectId(), posted.comment(), null, null));
		return posted;
	}

	/**
	 * The project's copy when it may answer; otherwise empty, and the sync is asked to
	 * fill it (a new grant, or a project not filled yet).
	 */
	private Optional<CopiedProject> servable(Grant grant) {
		if (!this.settings.enabled()) {
			return Optional.empty();
		}
		Optional<CopiedProject> project = this.store.project(grant.projectId());
		if (project.isPresent() && project.get().servable()) {
			return project;
		}
		this.store.track(new GrantedProject(grant.workspace(), grant.projectId(), grant.projectIdentifier()));
		this.fillRequested.run();
		return Optional.empty();
	}

	private <T> Page<T> meta(Grant grant, Function<UUID, List<T>> copy, Function<Grant, Page<T>> tasker) {
		Optional<CopiedProject> project = servable(grant);
		if (project.isEmpty() || project.get().lastMetaAt() == null) {
			return tasker.apply(grant);
		}
		return new Page<>(copy.apply(grant.projectId()), Optional.empty(), Optional.of(project.get().lastMetaAt()));
	}

	private Optional<CopiedCard> copied(Grant grant, WorkItemRef ref) {
		if (ref instanceof WorkItemRef.ByReadableId byReadableId) {
			ReadableId readable = byReadableId.readableId();
			if (grant.projectIdentifier() == null || !grant.projectIdentifier().equals(readable.projectIdentifier())) {
				throw new GatewayException(ErrorCode.PROJECT_NOT_GRANTED);
			}
			return this.store.cardBySequence(grant.projectId(), readable.sequence());
		}
		return this.store.card(grant.projectId(), ((WorkItemRef.ById) ref).id());
	}

	static CommentCopy commentCopy(UUID projectId, TaskerComment comment, Attribution attribution) {
		return new CommentCopy(projectId, TaskerValues.comment(comment, projectId, attribution), comment.commentHtml(),
				comment.updatedAt());
	}

}
