package com.launcher.tasker.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerLabel;
import com.launcher.host.api.tasker.TaskerPage;
import com.launcher.host.api.tasker.TaskerProject;
import com.launcher.host.api.tasker.TaskerState;
import com.launcher.host.api.tasker.TaskerUser;
import com.launcher.host.api.tasker.TaskerWorkItem;
import com.launcher.host.api.tasker.WorkItemDraft;
import com.launcher.host.api.tasker.WorkItemIdentifier;
import com.launcher.host.api.tasker.WorkItemPatch;
import com.launcher.host.api.tasker.WorkItemStamp;

/**
 * {@link TaskerClient} over Plane's public API v1 (plane-api.md), on
 * {@code java.net.http} with redirects never followed. Every HTTP exchange passes a
 * circuit breaker, a rate budget that makes callers wait for a permit, a bound on
 * concurrent exchanges and a time limit. The API key lives only in this object: it is not
 * in {@link #toString()}, logs or exception messages.
 * <p>
 * The HTTP exchange is {@link PlaneHttpTransport} behind {@link Resilience4jGuards}; the
 * operations are {@link PlaneProjects}, {@link PlaneWorkItems}, {@link PlaneComments} and
 * the sync's large-page listings {@link PlaneSync}, paging through {@link PlanePager}.
 */
public final class PlaneTaskerClient implements TaskerClient {

	private final PlaneHttpTransport transport;

	private final PlaneProjects projects;

	private final PlaneWorkItems workItems;

	private final PlaneComments comments;

	private final PlaneSync sync;

	private final String webUrl;

	private final PlaneClientOptions options;

	private PlaneTaskerClient(URI baseUrl, String apiKey, PlaneClientOptions options, MembershipSource membershipSource,
			URI webUrl) {
		this.options = options;
		this.transport = new PlaneHttpTransport(baseUrl, apiKey, options);
		PlanePager pager = new PlanePager(this.transport, options.pageSize());
		WorkItemPathFamily family = new WorkItemPathFamily();
		this.projects = new PlaneProjects(this.transport, pager, membershipSource);
		this.workItems = new PlaneWorkItems(this.transport, pager, family);
		this.comments = new PlaneComments(this.transport, pager, family);
		this.sync = new PlaneSync(pager, family);
		this.webUrl = (webUrl != null) ? PlanePaths.withoutTrailingSlash(webUrl.toString()) : null;
	}

	/**
	 * Starts building a client.
	 * @param baseUrl Tasker's base URL (the API is under {@code /api/v1/})
	 * @param apiKey the host's Tasker API key
	 * @return a builder
	 */
	public static Builder builder(URI baseUrl, String apiKey) {
		return new Builder(baseUrl, apiKey);
	}

	// ---- projects and membership

	@Override
	public List<TaskerProject> listProjects(String workspace) {
		return this.transport.bounded(() -> this.projects.listProjects(workspace));
	}

	@Override
	public TaskerProject getProject(String workspace, UUID projectId) {
		return this.transport.bounded(() -> this.projects.getProject(workspace, projectId));
	}

	@Override
	public ProjectMembership membership(String workspace, UUID projectId, String userEmail) {
		return this.transport.bounded(() -> this.projects.membership(workspace, projectId, userEmail));
	}

	@Override
	public List<TaskerState> listStates(String workspace, UUID projectId) {
		return this.transport.bounded(() -> this.projects.listStates(workspace, projectId));
	}

	@Override
	public List<TaskerLabel> listLabels(String workspace, UUID projectId) {
		return this.transport.bounded(() -> this.projects.listLabels(workspace, projectId));
	}

	@Override
	public List<TaskerUser> listProjectMembers(String workspace, UUID projectId) {
		return this.transport.bounded(() -> this.projects.listProjectMembers(workspace, projectId));
	}

	// ---- work items

	@Override
	public TaskerPage<TaskerWorkItem> listWorkItems(String workspace, UUID projectId, PageRequest page) {
		return this.transport.bounded(() -> this.workItems.list(workspace, projectId, page));
	}

	@Override
	public TaskerPage<TaskerWorkItem> listRecentlyUpdatedWorkItems(String workspace, UUID projectId, String cursor) {
		return this.transport.bounded(() -> this.sync.recentlyUpdated(workspace, projectId, cursor));
	}

	@Override
	public TaskerPage<WorkItemStamp> listWorkItemStamps(String workspace, UUID projectId, String cursor) {
		return this.transport.bounded(() -> this.sync.stamps(workspace, projectId, cursor));
	}

	@Override
	public TaskerWorkItem getWorkItem(String workspace, UUID projectId, UUID workItemId) {
		return this.transport.bounded(() -> this.workItems.get(workspace, projectId, workItemId));
	}

	@Override
	public TaskerWorkItem getWorkItemByIdentifier(String workspace, WorkItemIdentifier identifier) {
		return this.transport.bounded(() -> this.workItems.getByIdentifier(workspace, identifier));
	}

	@Override
	public Optional<TaskerWorkItem> findWorkItemByExternalId(String workspace, UUID projectId, ExternalRef ref) {
		return this.transport.bounded(() -> this.workItems.findByExternalId(workspace, projectId, ref));
	}

	@Override
	public TaskerWorkItem createWorkItem(String workspace, UUID projectId, WorkItemDraft draft, ExternalRef ref) {
		return this.transport.bounded(() -> this.workItems.create(workspace, projectId, draft, ref));
	}

	@Override
	public TaskerWorkItem createWorkItemIdempotently(String workspace, UUID projectId, WorkItemDraft draft,
			ExternalRef ref) {
		return this.transport.bounded(() -> this.workItems.createIdempotently(workspace, projectId, draft, ref));
	}

	@Override
	public TaskerWorkItem updateWorkItem(String workspace, UUID projectId, UUID workItemId, WorkItemPatch patch) {
		return this.transport.bounded(() -> this.workItems.update(workspace, projectId, workItemId, patch));
	}

	// ---- comments

	@Override
	public TaskerPage<TaskerComment> listComments(String workspace, UUID projectId, UUID workItemId, PageRequest page) {
		return this.transport.bounded(() -> this.comments.list(workspace, projectId, workItemId, page));
	}

	@Override
	public List<TaskerComment> listAllComments(String workspace, UUID projectId, UUID workItemId) {
		return this.transport.bounded(() -> this.sync.allComments(workspace, projectId, workItemId));
	}

	@Override
	public TaskerComment createComment(String workspace, UUID projectId, UUID workItemId, CommentDraft draft,
			ExternalRef ref) {
		return this.transport.bounded(() -> this.comments.create(workspace, projectId, workItemId, draft, ref));
	}

	/**
	 * {@link PlaneClientOptions#longestCall()}: every method call is bounded by the
	 * options' call time limit.
	 */
	@Override
	public Duration longestCall() {
		return this.options.longestCall();
	}

	// ---- the web app

	@Override
	public Optional<URI> webLink(String workspace, WorkItemIdentifier identifier) {
		String ws = PlanePaths.ws(workspace);
		Objects.requireNonNull(identifier, "identifier");
		if (this.webUrl == null) {
			return Optional.empty();
		}
		// Plane's web app shows a card at /{workspace}/browse/{IDENT}-{seq}/.
		return Optional
			.of(URI.create(this.webUrl + "/" + ws.substring("workspaces/".length()) + "browse/" + identifier + "/"));
	}

	/**
	 * Counters of this client's rate budget, for operations and the benchmark.
	 * @return a snapshot
	 */
	public Stats stats() {
		return this.transport.stats();
	}

	@Override
	public String toString() {
		return "PlaneTaskerClient[" + this.transport.apiBase() + "]";
	}

	/**
	 * Counters of the rate budget and calls.
	 *
	 * @param httpCalls HTTP exchanges made
	 * @param permitWaits calls that had to wait for a budget permit
	 * @param totalPermitWait the sum of those waits
	 * @param maxPermitWait the longest wait
	 * @param rateLimitedAnswers 429 answers received from Tasker
	 * @param circuitState the circuit breaker's state
	 */
	public record Stats(long httpCalls, long permitWaits, Duration totalPermitWait, Duration maxPermitWait,
			long rateLimitedAnswers, String circuitState) {
	}

	/**
	 * Builds a {@link PlaneTaskerClient}.
	 */
	public static final class Builder {

		private final URI baseUrl;

		private final String apiKey;

		private PlaneClientOptions options = PlaneClientOptions.defaults();

		private MembershipSource membershipSource = (workspace, projectId, email) -> Optional.empty();

		private URI webUrl;

		private Builder(URI baseUrl, String apiKey) {
			Objects.requireNonNull(baseUrl, "baseUrl");
			if (!"http".equals(baseUrl.getScheme()) && !"https".equals(baseUrl.getScheme())) {
				throw new IllegalArgumentException("baseUrl must be http or https");
			}
			if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null || baseUrl.getUserInfo() != null) {
				throw new IllegalArgumentException("baseUrl must not carry a query, fragment or user info");
			}
			Objects.requireNonNull(apiKey, "apiKey");
			if (apiKey.isBlank() || apiKey.chars().anyMatch((c) -> c < 0x21 || c > 0x7e)) {
				throw new IllegalArgumentException("apiKey is not valid");
			}
			this.baseUrl = baseUrl;
			this.apiKey = apiKey;
		}

		public Builder options(PlaneClientOptions options) {
			this.options = Objects.requireNonNull(options, "options");
			return this;
		}

		public Builder membershipSource(MembershipSource membershipSource) {
			this.membershipSource = Objects.requireNonNull(membershipSource, "membershipSource");
			return this;
		}

		/**
		 * The address of Tasker's web app, for {@link #webLink}; without it no link is
		 * offered.
		 * @param webUrl for example {@code https://tasker.example.com}
		 * @return this builder
		 */
		public Builder webUrl(URI webUrl) {
			Objects.requireNonNull(webUrl, "webUrl");
			if (!"http".equals(webUrl.getScheme()) && !"https".equals(webUrl.getScheme())) {
				throw new IllegalArgumentException("webUrl must be http or https");
			}
			if (webUrl.getRawQuery() != null || webUrl.getRawFragment() != null || webUrl.getUserInfo() != null
					|| webUrl.getHost() == null) {
				throw new IllegalArgumentException("webUrl must be a plain http or https address");
			}
			this.webUrl = webUrl;
			return this;
		}

		public PlaneTaskerClient build() {
			return new PlaneTaskerClient(this.baseUrl, this.apiKey, this.options, this.membershipSource, this.webUrl);
		}

		@Override
		public String toString() {
			return "PlaneTaskerClient.Builder[" + this.baseUrl + "]";
		}

	}

}
