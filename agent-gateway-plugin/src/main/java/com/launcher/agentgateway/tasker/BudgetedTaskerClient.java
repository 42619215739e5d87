package com.launcher.agentgateway.tasker;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.launcher.agentgateway.budget.TaskerBudget;
import com.launcher.agentgateway.budget.TaskerCallScope;
import com.launcher.agentgateway.budget.TaskerCaller;
import com.launcher.agentgateway.grant.MembershipCache;
import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerForbiddenException;
import com.launcher.host.api.tasker.TaskerLabel;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerProject;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerState;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import com.launcher.host.api.tasker.TaskerUser;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.host.api.tasker.WorkItemIdentifier;
import com.launcher.host.api.tasker.WorkItemPatch;
import com.launcher.host.api.tasker.WorkItemStamp;

/**
 * The host's Tasker client as the plugin sees it: every call first spends the shared
 * {@link TaskerBudget} for the caller that the thread's {@link TaskerCallScope} names,
 * and owners' memberships come from the shared {@link MembershipCache} while it holds
 * them. Every bean of the plugin that reaches Tasker gets this client, never the host's.
 * <p>
 * Each method spends what it costs in HTTP calls as the host's client makes them: one,
 * but two for an idempotent create (the lookup by external id, then the create), and the
 * further pages of a list walked to its end are charged once their number is known.
 */
public class BudgetedTaskerClient implements TaskerClient {

	/** The host client's page size when it walks a list to its end. */
	static final int WALK_PAGE = 100;

	/** Identifiers are a project's; a workspace has few. */
	private static final int MAX_PROJECT_IDS = 10_000;

	private final TaskerClient delegate;

	private final TaskerBudget budget;

	private final MembershipCache memberships;

	/** Project ids by workspace and identifier, as Tasker's answers gave them. */
	private final Map<String, UUID> projectIds = new ConcurrentHashMap<>();

	/** After this, an agent's tool call starts no more Tasker calls. */
	private final Duration agentCallLimit;

	/**
	 * @param delegate the host's client
	 * @param budget the shared budget
	 * @param memberships the kept membership answers
	 * @param agentCallLimit how long an agent's tool call may go on starting Tasker calls
	 * (its request's own time limit): after it nothing new is started, so a call ends
	 * within a bound an idempotency claim can be held for
	 */
	public BudgetedTaskerClient(TaskerClient delegate, TaskerBudget budget, MembershipCache memberships,
			Duration agentCallLimit) {
		this.delegate = Objects.requireNonNull(delegate, "delegate");
		this.budget = Objects.requireNonNull(budget, "budget");
		this.memberships = Objects.requireNonNull(memberships, "memberships");
		this.agentCallLimit = Objects.requireNonNull(agentCallLimit, "agentCallLimit");
	}

	@Override
	public List<TaskerProject> listProjects(String workspace) {
		return walk(workspace, null, () -> this.delegate.listProjects(workspace));
	}

	@Override
	public TaskerProject getProject(String workspace, UUID projectId) {
		return call(workspace, projectId, 1, () -> this.delegate.getProject(workspace, projectId));
	}

	/**
	 * A kept answer while it is within its bound; otherwise Tasker's (one call), kept
	 * when it is definite.
	 */
	@Override
	public ProjectMembership membership(String workspace, UUID projectId, String userEmail) {
		Optional<MembershipCache.Entry> kept = this.memberships.find(workspace, projectId, userEmail);
		if (kept.isPresent()) {
			return answer(kept.get());
		}
		ProjectMembership answer = call(workspace, projectId, 1,
				() -> this.delegate.membership(workspace, projectId, userEmail));
		if (answer.status() != ProjectMembership.Status.UNKNOWN) {
			this.memberships.remember(workspace, projectId, userEmail, askedAbout(TaskerCallScope.current()),
					answer.isMember(), answer.role().map(Enum::name).orElse(null));
		}
		return answer;
	}

	@Override
	public List<TaskerState> listStates(String workspace, UUID projectId) {
		return walk(workspace, projectId, () -> this.delegate.listStates(workspace, projectId));
	}

	@Override
	public List<TaskerLabel> listLabels(String workspace, UUID projectId) {
		return walk(workspace, projectId, () -> this.delegate.listLabels(workspace, projectId));
	}

	@Override
	public List<TaskerUser> listProjectMembers(String workspace, UUID projectId) {
		// Not paginated (plane-api.md R4): one call whatever its length.
		return call(workspace, projectId, 1, () -> this.delegate.listProjectMembers(workspace, projectId));
	}

	@Override
	public TaskerPage<TaskerWorkItem> listWorkItems(String workspace, UUID projectId, PageRequest page) {
		return call(workspace, projectId, 1, () -> this.delegate.listWorkItems(workspace, projectId, page));
	}

	@Override
	public TaskerWorkItem getWorkItem(String workspace, UUID projectId, UUID workItemId) {
		return call(workspace, projectId, 1, () -> this.delegate.getWorkItem(workspace, projectId, workItemId));
	}

	/**
	 * A readable id names its project by identifier only; the project's id is learnt from
	 * earlier answers, so a 403 or 404 here can still drop what was kept about it.
	 */
	@Override
	public TaskerWorkItem getWorkItemByIdentifier(String workspace, WorkItemIdentifier identifier) {
		String key = workspace + '/' + identifier.projectIdentifier();
		TaskerWorkItem item = call(workspace, this.projectIds.get(key), 1,
				() -> this.delegate.getWorkItemByIdentifier(workspace, identifier));
		if (this.projectIds.size() < MAX_PROJECT_IDS) {
			this.projectIds.put(key, item.projectId());
		}
		return item;
	}

	@Override
	public Optional<TaskerWorkItem> findWorkItemByExternalId(String workspace, UUID projectId, ExternalRef ref) {
		return call(workspace, projectId, 1, () -> this.delegate.findWorkItemByExternalId(workspace, projectId, ref));
	}

	@Override
	public TaskerWorkItem createWorkItem(String workspace, UUID projectId, WorkItemDraft draft, ExternalRef ref) {
		return call(workspace, projectId, 1, () -> this.delegate.createWorkItem(workspace, projectId, draft, ref));
	}

	@Override
	public TaskerWorkItem createWorkItemIdempotently(String workspace, UUID projectId, WorkItemDraft draft,
			ExternalRef ref) {
		return call(workspace, projectId, 2,
				() -> this.delegate.createWorkItemIdempotently(workspace, projectId, draft, ref));
	}

	@Override
	public TaskerWorkItem updateWorkItem(String workspace, UUID projectId, UUID workItemId, WorkItemPatch patch) {
		return call(workspace, projectId, 1,
				() -> this.delegate.updateWorkItem(workspace, projectId, workItemId, patch));
	}

	@Override
	public TaskerPage<TaskerComment> listComments(String workspace, UUID projectId, UUID workItemId, PageRequest page) {
		return call(workspace, projectId, 1, () -> this.delegate.listComments(workspace, projectId, workItemId, page));
	}

	@Override
	public TaskerComment createComment(String workspace, UUID projectId, UUID workItemId, CommentDraft draft,
			ExternalRef ref) {
		return call(workspace, projectId, 1,
				() -> this.delegate.createComment(workspace, projectId, workItemId, draft, ref));
	}

	@Override
	public TaskerPage<TaskerWorkItem> listRecentlyUpdatedWorkItems(String workspace, UUID projectId, String cursor) {
		return call(workspace, projectId, 1,
				() -> this.delegate.listRecentlyUpdatedWorkItems(workspace, projectId, cursor));
	}

	@Override
	public TaskerPage<WorkItemStamp> listWorkItemStamps(String workspace, UUID projectId, String cursor) {
		return call(workspace, projectId, 1, () -> this.delegate.listWorkItemStamps(workspace, projectId, cursor));
	}

	@Override
	public List<TaskerComment> listAllComments(String workspace, UUID projectId, UUID workItemId) {
		return walk(workspace, projectId, () -> this.delegate.listAllComments(workspace, projectId, workItemId));
	}

	@Override
	public Optional<URI> webLink(String workspace, WorkItemIdentifier identifier) {
		// Makes no call to Tasker, so it spends nothing.
		return this.delegate.webLink(workspace, identifier);
	}

	/** The host's bound; the budget's own wait comes before the call and is not in it. */
	@Override
	public Duration longestCall() {
		return this.delegate.longestCall();
	}

	private <T> List<T> walk(String workspace, UUID projectId, Supplier<List<T>> walk) {
		List<T> all = call(workspace, projectId, 1, walk);
		int pages = Math.max(1, (all.size() + WALK_PAGE - 1) / WALK_PAGE);
		this.budget.charge(TaskerCallScope.current(), pages - 1);
		return all;
	}

	private <T> T call(String workspace, UUID projectId, int cost, Supplier<T> call) {
		TaskerCaller caller = TaskerCallScope.current();
		if (caller.agentId() != null && TaskerCallScope.elapsed().compareTo(this.agentCallLimit) > 0) {
			// Nothing is sent, so a retry is safe (issue 12, point 8): the agent's
			// request has outlived its limit, and a call started now could outlive the
			// claim on its idempotency key.
			throw new TaskerUnavailableException();
		}
		this.budget.spend(caller, cost);
		try {
			return call.get();
		}
		catch (TaskerRateLimitedException ex) {
			// Tasker's own count says the key is spent: every node stops until then.
			this.budget.pause(ex.retryAfter());
			throw ex;
		}
		catch (TaskerForbiddenException | TaskerNotFoundException ex) {
			// Whatever was kept about this project may be stale (issue 14: any 403/404
			// drops it), and Plane answers 403 before 404 for a project one cannot see.
			if (projectId != null) {
				this.memberships.forgetProject(workspace, projectId);
			}
			throw ex;
		}
	}

	/**
	 * The Launcher user an agent's membership check is about: its owner. A person's call
	 * may ask about someone else (an admin granting another's agent), so it names no one
	 * and the answer is dropped by address instead.
	 */
	private static UUID askedAbout(TaskerCaller caller) {
		return (caller.agentId() != null) ? caller.ownerId() : null;
	}

	private static ProjectMembership answer(MembershipCache.Entry entry) {
		if (!entry.member()) {
			return ProjectMembership.notMember("kept answer (agent gateway)");
		}
		ProjectRole role = null;
		if (entry.role() != null) {
			try {
				role = ProjectRole.valueOf(entry.role().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				// A role this version does not know: a member all the same.
			}
		}
		return ProjectMembership.member(role, "kept answer (agent gateway)");
	}

}
