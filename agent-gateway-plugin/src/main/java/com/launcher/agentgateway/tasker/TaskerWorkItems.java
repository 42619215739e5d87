package com.launcher.agentgateway.tasker;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TaskerProjects.Membership;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
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
import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerUser;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.host.api.tasker.WorkItemIdentifier;
import com.launcher.host.api.tasker.WorkItemPatch;

/**
 * The work items port over the host's Tasker client: every read goes to Tasker now, so
 * results carry no {@code asOf}; lists are filtered here, a bounded number of Tasker
 * pages per call ({@link TaskerListing}).
 */
public class TaskerWorkItems implements WorkItems {

	private final TaskerClient client;

	private final Attribution attribution;

	private final Consumer<TaskerWorkItem> answered;

	public TaskerWorkItems(TaskerClient client, Attribution attribution) {
		this(client, attribution, (item) -> {
		});
	}

	/**
	 * @param client the Tasker client
	 * @param attribution the external ids of writes, and the proof of who wrote what
	 * @param answered told of every card Tasker answers with (a read, a write's answer),
	 * so the read model keeps its copy as fresh as the last answer
	 */
	public TaskerWorkItems(TaskerClient client, Attribution attribution, Consumer<TaskerWorkItem> answered) {
		this.client = Objects.requireNonNull(client, "client");
		this.attribution = Objects.requireNonNull(attribution, "attribution");
		this.answered = Objects.requireNonNull(answered, "answered");
	}

	/**
	 * The attribution this adapter writes and reads with, for the read model's copies.
	 */
	Attribution attribution() {
		return this.attribution;
	}

	@Override
	public Membership ownerMembership(AgentPrincipal agent, Grant grant) {
		return switch (call(() -> this.client.membership(grant.workspace(), grant.projectId(), agent.ownerEmail()))
			.status()) {
			case MEMBER -> Membership.MEMBER;
			case NOT_MEMBER -> Membership.NOT_MEMBER;
			case UNKNOWN -> Membership.UNKNOWN;
		};
	}

	@Override
	public Page<State> states(Grant grant) {
		return whole(call(() -> this.client.listStates(grant.workspace(), grant.projectId())), TaskerValues::state);
	}

	@Override
	public Page<Label> labels(Grant grant) {
		return whole(call(() -> this.client.listLabels(grant.workspace(), grant.projectId())), TaskerValues::label);
	}

	@Override
	public Page<Member> members(Grant grant) {
		return whole(call(() -> this.client.listProjectMembers(grant.workspace(), grant.projectId())),
				TaskerValues::member);
	}

	@Override
	public Optional<UUID> memberId(Grant grant, String email) {
		if (email == null) {
			return Optional.empty();
		}
		return call(() -> this.client.listProjectMembers(grant.workspace(), grant.projectId())).stream()
			.filter((user) -> user.email().equalsIgnoreCase(email))
			.map(TaskerUser::id)
			.findFirst();
	}

	@Override
	public Page<WorkItem> list(Grant grant, WorkItemFilter filter, Page.Request request) {
		return TaskerListing.read(grant, filter, request,
				(page) -> call(() -> this.client.listWorkItems(grant.workspace(), grant.projectId(), page)),
				this.attribution);
	}

	@Override
	public Snapshot<WorkItem> get(Grant grant, WorkItemRef ref, Freshness freshness) {
		return Snapshot.live(TaskerValues.workItem(fetch(grant, ref), this.attribution));
	}

	@Override
	public Page<Comment> comments(Grant grant, WorkItemRef ref, Page.Request request) {
		// Plane answers 200 and an empty list for an unknown item (plane-api.md §9 item
		// 8): check first.
		UUID workItemId = fetch(grant, ref).id();
		TaskerPage<TaskerComment> page = call(() -> this.client.listComments(grant.workspace(), grant.projectId(),
				workItemId, new PageRequest(TaskerListCursor.taskerCursor(request.cursor()), request.limit())));
		return Page.live(page.items()
			.stream()
			.map((comment) -> TaskerValues.comment(comment, grant.projectId(), this.attribution))
			.toList(), page.nextCursor());
	}

	@Override
	public WorkItem create(Grant grant, AgentPrincipal agent, NewWorkItem draft, IdempotencyKey key,
			boolean reconcile) {
		CredentialScanner.requireNone(draft.title(), draft.descriptionMarkdown());
		ExternalRef ref = this.attribution.externalRef(grant.projectId(), agent.agentId(), key);
		WorkItemDraft body = TaskerValues.draft(draft, describe(draft.descriptionMarkdown(), agent));
		if (reconcile) {
			// security.md: look the card up by its external id before any retry may
			// create again.
			return inProject(grant, call(
					() -> this.client.createWorkItemIdempotently(grant.workspace(), grant.projectId(), body, ref)));
		}
		try {
			return inProject(grant,
					call(() -> this.client.createWorkItem(grant.workspace(), grant.projectId(), body, ref)));
		}
		catch (AlreadyExists ex) {
			try {
				return inProject(grant,
						call(() -> this.client.getWorkItem(grant.workspace(), grant.projectId(), ex.existingId)));
			}
			catch (GatewayException notFound) {
				return call(() -> this.client.findWorkItemByExternalId(grant.workspace(), grant.projectId(), ref))
					.map((item) -> inProject(grant, item))
					.orElseThrow(() -> notFound);
			}
		}
	}

	@Override
	public WorkItem update(Grant grant, AgentPrincipal agent, WorkItemRef ref, WorkItemChange change,
			OffsetDateTime expectedUpdatedAt, boolean reconcile) {
		CredentialScanner.requireNone(change.title(), change.descriptionMarkdown());
		WorkItem current = TaskerValues.workItem(fetch(grant, ref), this.attribution);
		if (expectedUpdatedAt != null && (current.updatedAt() == null
				|| !current.updatedAt().toInstant().equals(expectedUpdatedAt.toInstant()))) {
			if (reconcile && change.isReflectedIn(current)) {
				return current;
			}
			throw new GatewayException(ErrorCode.WORK_ITEM_CHANGED, "expected_updated_at",
					Map.of("current_updated_at", String.valueOf(current.updatedAt())), null);
		}
		String descriptionHtml = (change.descriptionMarkdown() != null) ? describe(change.descriptionMarkdown(), agent)
				: null;
		WorkItemPatch patch = TaskerValues.patch(change, descriptionHtml);
		if (patch.isEmpty()) {
			return current;
		}
		return inProject(grant,
				call(() -> this.client.updateWorkItem(grant.workspace(), grant.projectId(), current.id(), patch)));
	}

	@Override
	public PostedComment addComment(Grant grant, AgentPrincipal agent, WorkItemRef ref, String markdown,
			IdempotencyKey key) {
		CredentialScanner.requireNone(markdown);
		// Plane files the comment under the URL's item without checking its project:
		// check it here (this also resolves a readable id, once).
		WorkItem card = TaskerValues.workItem(fetch(grant, ref), this.attribution);
		ExternalRef externalRef = this.attribution.externalRef(grant.projectId(), agent.agentId(), key);
		CommentDraft draft = new CommentDraft(describe(markdown, agent));
		TaskerComment comment;
		try {
			comment = call(() -> this.client.createComment(grant.workspace(), grant.projectId(), card.id(), draft,
					externalRef));
		}
		catch (AlreadyExists ex) {
			// A comment that already carries the reference is this key's earlier success
			// (plane-api.md §5, step 4).
			comment = new TaskerComment(ex.existingId, card.id(), draft.commentHtml(), null, null, null, null,
					externalRef.source(), externalRef.id());
		}
		return new PostedComment(TaskerValues.comment(comment, grant.projectId(), this.attribution), card);
	}

	/**
	 * A card named either way, fetched once and checked to be in the granted project. A
	 * readable id is refused before any Tasker call unless it names the granted project.
	 */
	private TaskerWorkItem fetch(Grant grant, WorkItemRef ref) {
		if (ref instanceof WorkItemRef.ByReadableId byReadableId) {
			ReadableId readable = byReadableId.readableId();
			if (grant.projectIdentifier() == null || !grant.projectIdentifier().equals(readable.projectIdentifier())) {
				throw new GatewayException(ErrorCode.PROJECT_NOT_GRANTED);
			}
			WorkItemIdentifier identifier = new WorkItemIdentifier(readable.projectIdentifier(), readable.sequence());
			return requireInProject(grant,
					call(() -> this.client.getWorkItemByIdentifier(grant.workspace(), identifier)));
		}
		UUID id = ((WorkItemRef.ById) ref).id();
		return requireInProject(grant, call(() -> this.client.getWorkItem(grant.workspace(), grant.projectId(), id)));
	}

	private static String describe(String markdown, AgentPrincipal agent) {
		String owner = (agent.ownerDisplayName() != null) ? agent.ownerDisplayName()
				: String.valueOf(agent.ownerEmail());
		return MarkdownRenderer.toHtml(markdown) + Attribution.footerHtml(agent.agentName(), owner);
	}

	private WorkItem inProject(Grant grant, TaskerWorkItem item) {
		return TaskerValues.workItem(requireInProject(grant, item), this.attribution);
	}

	private TaskerWorkItem requireInProject(Grant grant, TaskerWorkItem item) {
		if (!item.projectId().equals(grant.projectId())) {
			throw new GatewayException(ErrorCode.NOT_FOUND);
		}
		this.answered.accept(item);
		return item;
	}

	private static <T, V> Page<V> whole(List<T> items, Function<T, V> value) {
		return Page.live(items.stream().map(value).toList(), Optional.empty());
	}

	private static <T> T call(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (TaskerAlreadyExistsException ex) {
			throw new AlreadyExists(ex.existingId());
		}
		catch (TaskerException ex) {
			throw TaskerErrors.map(ex);
		}
	}

	/** Tasker's 409 with the existing id, handled where a create knows what it means. */
	private static final class AlreadyExists extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient UUID existingId;

		AlreadyExists(UUID existingId) {
			super(null, null, false, false);
			this.existingId = existingId;
		}

	}

}
