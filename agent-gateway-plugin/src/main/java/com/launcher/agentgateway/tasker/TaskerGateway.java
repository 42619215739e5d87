package com.launcher.agentgateway.tasker;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.idempotency.IdempotencyKey;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerLabel;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerState;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.host.api.tasker.WorkItemIdentifier;
import com.launcher.host.api.tasker.WorkItemPatch;

/**
 * What the tools may do in Tasker, and nothing else: there is no delete, no archive, no
 * field outside the whitelist and no URL fetch here (DESIGN §2). Every method takes the
 * grant that the caller already checked, and confines itself to that grant's project.
 */
public class TaskerGateway {

	private final TaskerClient client;

	public TaskerGateway(TaskerClient client) {
		this.client = Objects.requireNonNull(client, "client");
	}

	/**
	 * Refuses unless the owner is, right now, an active member of the granted project
	 * (threat model, "Project scope escape"). An unknown answer is a refusal.
	 * @param principal the agent
	 * @param grant the grant
	 */
	public void requireOwnerMembership(AgentPrincipal principal, Grant grant) {
		ProjectMembership membership = call(
				() -> this.client.membership(grant.workspace(), grant.projectId(), principal.ownerEmail()));
		switch (membership.status()) {
			case MEMBER -> {
			}
			case NOT_MEMBER -> throw new GatewayException(ErrorCode.OWNER_NOT_MEMBER);
			default -> throw new GatewayException(ErrorCode.OWNER_MEMBERSHIP_UNKNOWN);
		}
	}

	/**
	 * Refuses text that contains a credential.
	 * @param texts what the agent wants written
	 */
	public static void requireNoCredentials(String... texts) {
		Set<String> kinds = CredentialScanner.scan(texts);
		if (!kinds.isEmpty()) {
			throw new GatewayException(ErrorCode.SECRET_IN_CONTENT, null, Map.of("kinds", List.copyOf(kinds)), null);
		}
	}

	public List<TaskerState> states(Grant grant) {
		return call(() -> this.client.listStates(grant.workspace(), grant.projectId()));
	}

	public List<TaskerLabel> labels(Grant grant) {
		return call(() -> this.client.listLabels(grant.workspace(), grant.projectId()));
	}

	public TaskerPage<TaskerWorkItem> workItems(Grant grant, PageRequest page) {
		TaskerPage<TaskerWorkItem> result = call(
				() -> this.client.listWorkItems(grant.workspace(), grant.projectId(), page));
		List<TaskerWorkItem> own = result.items()
			.stream()
			.filter((item) -> item.projectId().equals(grant.projectId()))
			.toList();
		return new TaskerPage<>(own, result.nextCursor(), result.totalCount());
	}

	/**
	 * A work item of the granted project; an item of any other project is reported as not
	 * found, whatever Tasker returned.
	 * @param grant the grant
	 * @param workItemId the item
	 * @return the item
	 */
	public TaskerWorkItem workItem(Grant grant, UUID workItemId) {
		TaskerWorkItem item = call(() -> this.client.getWorkItem(grant.workspace(), grant.projectId(), workItemId));
		return requireInProject(grant, item);
	}

	/**
	 * A work item by its readable id, refused before any Tasker call unless the
	 * identifier names the granted project.
	 * @param grant the grant
	 * @param identifier for example {@code WEB-12}
	 * @return the item
	 */
	public TaskerWorkItem workItem(Grant grant, WorkItemIdentifier identifier) {
		if (grant.projectIdentifier() == null || !grant.projectIdentifier().equals(identifier.projectIdentifier())) {
			throw new GatewayException(ErrorCode.PROJECT_NOT_GRANTED);
		}
		TaskerWorkItem item = call(() -> this.client.getWorkItemByIdentifier(grant.workspace(), identifier));
		return requireInProject(grant, item);
	}

	/**
	 * A work item named either way, fetched once and checked to be in the granted
	 * project.
	 * @param grant the grant
	 * @param ref the card's id or readable id
	 * @return the item
	 */
	public TaskerWorkItem workItem(Grant grant, WorkItemRef ref) {
		if (ref instanceof WorkItemRef.ByIdentifier byIdentifier) {
			return workItem(grant, byIdentifier.identifier());
		}
		return workItem(grant, ((WorkItemRef.ById) ref).id());
	}

	public TaskerPage<TaskerComment> comments(Grant grant, WorkItemRef ref, PageRequest page) {
		// Plane answers 200 and an empty list for an unknown item (plane-api.md §9 item
		// 8): check first.
		UUID workItemId = workItem(grant, ref).id();
		return call(() -> this.client.listComments(grant.workspace(), grant.projectId(), workItemId, page));
	}

	/**
	 * Creates a card once per (agent, key).
	 * @param grant the grant
	 * @param principal the agent
	 * @param draft the card, description as Markdown in {@link NewWorkItem}
	 * @param key the idempotency key
	 * @param reconcile whether an earlier attempt may have created it
	 * @return the created (or earlier created) card
	 */
	public TaskerWorkItem createWorkItem(Grant grant, AgentPrincipal principal, NewWorkItem draft, IdempotencyKey key,
			boolean reconcile) {
		requireNoCredentials(draft.title(), draft.descriptionMarkdown());
		ExternalRef ref = Attribution.externalRef(principal.agentId(), key);
		WorkItemDraft body = draft.toDraft(describe(draft.descriptionMarkdown(), principal));
		if (reconcile) {
			// security.md: look the card up by its external id before any retry may
			// create again.
			return requireInProject(grant, call(
					() -> this.client.createWorkItemIdempotently(grant.workspace(), grant.projectId(), body, ref)));
		}
		try {
			return requireInProject(grant,
					call(() -> this.client.createWorkItem(grant.workspace(), grant.projectId(), body, ref)));
		}
		catch (AlreadyExists ex) {
			try {
				return workItem(grant, ex.existingId);
			}
			catch (GatewayException notFound) {
				return call(() -> this.client.findWorkItemByExternalId(grant.workspace(), grant.projectId(), ref))
					.map((item) -> requireInProject(grant, item))
					.orElseThrow(() -> notFound);
			}
		}
	}

	/**
	 * Applies whitelisted changes to a card of the granted project.
	 * @param grant the grant
	 * @param principal the agent
	 * @param workItemId the card
	 * @param change the change, description as Markdown
	 * @param expectedUpdatedAt refuse when the card changed since, or null
	 * @param reconcile whether an earlier attempt may have applied it
	 * @return the updated card
	 */
	public TaskerWorkItem updateWorkItem(Grant grant, AgentPrincipal principal, WorkItemRef ref, WorkItemChange change,
			OffsetDateTime expectedUpdatedAt, boolean reconcile) {
		requireNoCredentials(change.title(), change.descriptionMarkdown());
		TaskerWorkItem current = workItem(grant, ref);
		UUID workItemId = current.id();
		if (expectedUpdatedAt != null && (current.updatedAt() == null
				|| !current.updatedAt().toInstant().equals(expectedUpdatedAt.toInstant()))) {
			if (reconcile && change.isReflectedIn(current)) {
				return current;
			}
			throw new GatewayException(ErrorCode.WORK_ITEM_CHANGED, "expected_updated_at",
					Map.of("current_updated_at", String.valueOf(current.updatedAt())), null);
		}
		String descriptionHtml = (change.descriptionMarkdown() != null)
				? describe(change.descriptionMarkdown(), principal) : null;
		WorkItemPatch patch = change.toPatch(descriptionHtml);
		if (patch.isEmpty()) {
			return current;
		}
		return requireInProject(grant,
				call(() -> this.client.updateWorkItem(grant.workspace(), grant.projectId(), workItemId, patch)));
	}

	/**
	 * Adds a comment once per (agent, key); a comment that already carries the reference
	 * is this call's earlier success (plane-api.md §5, step 4).
	 * @param grant the grant
	 * @param principal the agent
	 * @param workItemId the card
	 * @param markdown the text
	 * @param key the idempotency key
	 * @return the comment
	 */
	public PostedComment addComment(Grant grant, AgentPrincipal principal, WorkItemRef ref, String markdown,
			IdempotencyKey key) {
		requireNoCredentials(markdown);
		// Plane files the comment under the URL's item without checking its project:
		// check it here (this also resolves a readable id, once).
		TaskerWorkItem card = workItem(grant, ref);
		UUID workItemId = card.id();
		ExternalRef externalRef = Attribution.externalRef(principal.agentId(), key);
		CommentDraft draft = new CommentDraft(describe(markdown, principal));
		try {
			return new PostedComment(call(() -> this.client.createComment(grant.workspace(), grant.projectId(),
					workItemId, draft, externalRef)), card);
		}
		catch (AlreadyExists ex) {
			return new PostedComment(new TaskerComment(ex.existingId, workItemId, draft.commentHtml(), null, null, null,
					null, externalRef.source(), externalRef.id()), card);
		}
	}

	/**
	 * A comment the gateway posted, with the card it is on.
	 *
	 * @param comment the comment
	 * @param card the card, as fetched when checking its project
	 */
	public record PostedComment(TaskerComment comment, TaskerWorkItem card) {
	}

	private static String describe(String markdown, AgentPrincipal principal) {
		String owner = (principal.ownerDisplayName() != null) ? principal.ownerDisplayName()
				: String.valueOf(principal.ownerEmail());
		return MarkdownRenderer.toHtml(markdown) + Attribution.footerHtml(principal.agentName(), owner);
	}

	private static TaskerWorkItem requireInProject(Grant grant, TaskerWorkItem item) {
		if (!item.projectId().equals(grant.projectId())) {
			throw new GatewayException(ErrorCode.NOT_FOUND);
		}
		return item;
	}

	private static <T> T call(Supplier<T> action) {
		try {
			return action.get();
		}
		catch (TaskerAlreadyExistsException ex) {
			throw new AlreadyExists(ex.existingId());
		}
		catch (TaskerNotFoundException ex) {
			throw new GatewayException(ErrorCode.NOT_FOUND);
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
