package com.launcher.tasker.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.PatchField;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerLabel;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerOutcomeUnknownException;
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
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@link TaskerClient} over Plane's public API v1 (plane-api.md), on
 * {@code java.net.http} with redirects never followed. Every HTTP exchange passes a
 * circuit breaker, a rate budget that makes callers wait for a permit, a bound on
 * concurrent exchanges and a time limit. The API key lives only in this object: it is not
 * in {@link #toString()}, logs or exception messages.
 */
public final class PlaneTaskerClient implements TaskerClient {

	private static final Logger logger = LoggerFactory.getLogger(PlaneTaskerClient.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9_-]{0,47}");

	private static final int MAX_PAGES = 1000;

	private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

	private final URI apiBase;

	private final String apiKey;

	private final PlaneClientOptions options;

	private final MembershipSource membershipSource;

	private final HttpClient http;

	private final RateLimiter rateLimiter;

	private final CircuitBreaker circuitBreaker;

	private final Bulkhead bulkhead;

	private final TimeLimiter timeLimiter;

	private final AtomicReference<String> family = new AtomicReference<>();

	private final AtomicReference<String> agentEmail = new AtomicReference<>();

	private final ReentrantLock[] createLocks = new ReentrantLock[64];

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong permitWaits = new AtomicLong();

	private final AtomicLong permitWaitNanos = new AtomicLong();

	private final AtomicLong maxPermitWaitNanos = new AtomicLong();

	private final AtomicLong rateLimitedAnswers = new AtomicLong();

	private PlaneTaskerClient(URI baseUrl, String apiKey, PlaneClientOptions options,
			MembershipSource membershipSource) {
		this.apiBase = URI.create(stripSlash(baseUrl.toString()) + "/api/v1/");
		this.apiKey = apiKey;
		this.options = options;
		this.membershipSource = membershipSource;
		this.http = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(options.connectTimeout())
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.rateLimiter = RateLimiter.of("tasker", budget(options));
		this.circuitBreaker = CircuitBreaker.of("tasker", CircuitBreakerConfig.custom()
			.failureRateThreshold(options.circuitFailureRate())
			.minimumNumberOfCalls(options.circuitMinimumCalls())
			.slidingWindowSize(Math.max(options.circuitMinimumCalls(), 20))
			.waitDurationInOpenState(options.circuitOpenDuration())
			.permittedNumberOfCallsInHalfOpenState(1)
			.automaticTransitionFromOpenToHalfOpenEnabled(false)
			.recordException((ex) -> ex instanceof TaskerOutcomeUnknownException
					|| (ex instanceof TaskerUnavailableException && ex.getClass() == TaskerUnavailableException.class))
			.build());
		this.bulkhead = Bulkhead.of("tasker",
				BulkheadConfig.custom()
					.maxConcurrentCalls(options.maxConcurrentCalls())
					.maxWaitDuration(options.maxConcurrencyWait())
					.build());
		this.timeLimiter = TimeLimiter
			.of(TimeLimiterConfig.custom().timeoutDuration(options.timeLimit()).cancelRunningFuture(true).build());
		for (int i = 0; i < this.createLocks.length; i++) {
			this.createLocks[i] = new ReentrantLock();
		}
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

	/**
	 * Plane counts a sliding window; Resilience4j refreshes permits in fixed cycles. With
	 * {@code k} permits per cycle of {@code p}, any window of length {@code T} sees at
	 * most {@code k·(T/p + 1)} permits, so {@code p = k·T/(L − k)} keeps a burst of
	 * {@code k} and never exceeds {@code L} per window (plane-api.md §1).
	 */
	static RateLimiterConfig budget(PlaneClientOptions options) {
		int limit = options.rateLimit();
		int burst = Math.max(1, limit / 10);
		// A margin for network jitter between the client's permit and Tasker's arrival
		// time.
		long windowNanos = options.ratePeriod().toNanos() + Math.min(options.ratePeriod().toNanos() / 50, 500_000_000L);
		long cycleNanos = (windowNanos * burst) / (limit - burst) + 1;
		return RateLimiterConfig.custom()
			.limitForPeriod(burst)
			.limitRefreshPeriod(Duration.ofNanos(cycleNanos))
			.timeoutDuration(options.maxRateWait())
			.build();
	}

	// ---- projects and membership

	@Override
	public List<TaskerProject> listProjects(String workspace) {
		return walk(ws(workspace) + "projects/", PlaneJson::project, TaskerProject::id);
	}

	@Override
	public TaskerProject getProject(String workspace, UUID projectId) {
		return PlaneJson.project(get(prj(workspace, projectId), Map.of()));
	}

	@Override
	public ProjectMembership membership(String workspace, UUID projectId, String userEmail) {
		Objects.requireNonNull(userEmail, "userEmail");
		String email = userEmail.trim().toLowerCase(Locale.ROOT);
		boolean listed = listProjectMembers(workspace, projectId).stream()
			.anyMatch((user) -> user.email().equalsIgnoreCase(email));
		if (!listed) {
			return ProjectMembership.notMember("not listed among Tasker project members");
		}
		Optional<ProjectMembership> answer;
		try {
			answer = this.membershipSource.lookup(workspace, projectId, email);
		}
		catch (RuntimeException ex) {
			logger.warn("Membership source failed; answering unknown", ex);
			return ProjectMembership.unknown("listed by Tasker; the host membership source is unavailable");
		}
		if (answer.isPresent()) {
			return answer.get();
		}
		if (email.equals(agentEmail())) {
			// For the token user itself Plane reports is_member and member_role
			// (plane-api.md §3.1).
			TaskerProject project = getProject(workspace, projectId);
			return project.callerIsMember()
					? ProjectMembership.member(project.callerRole().orElse(null), "Tasker project (agent user)")
					: ProjectMembership.notMember("Tasker project (agent user)");
		}
		return ProjectMembership
			.unknown("listed by Tasker, which also lists removed members; no host record for this person");
	}

	@Override
	public List<TaskerState> listStates(String workspace, UUID projectId) {
		return walk(prj(workspace, projectId) + "states/", PlaneJson::state, TaskerState::id);
	}

	@Override
	public List<TaskerLabel> listLabels(String workspace, UUID projectId) {
		return walk(prj(workspace, projectId) + "labels/", PlaneJson::label, TaskerLabel::id);
	}

	@Override
	public List<TaskerUser> listProjectMembers(String workspace, UUID projectId) {
		// plane-api.md R4: a plain array, not paginated.
		JsonNode body = get(prj(workspace, projectId) + "members/", Map.of());
		Map<UUID, TaskerUser> users = new LinkedHashMap<>();
		for (JsonNode node : array(body).values()) {
			TaskerUser user = PlaneJson.user(node);
			users.putIfAbsent(user.id(), user);
		}
		return List.copyOf(users.values());
	}

	// ---- work items

	@Override
	public TaskerPage<TaskerWorkItem> listWorkItems(String workspace, UUID projectId, PageRequest page) {
		String prj = prj(workspace, projectId);
		Objects.requireNonNull(page, "page");
		Cursor cursor = Cursor.decode(page);
		return withFamily((family) -> {
			Map<String, String> query = new LinkedHashMap<>();
			query.put("order_by", "-created_at");
			return page(prj + family + "/", query, cursor, PlaneJson::workItem, TaskerWorkItem::id);
		});
	}

	@Override
	public TaskerWorkItem getWorkItem(String workspace, UUID projectId, UUID workItemId) {
		String prj = prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		return withFamily((family) -> PlaneJson.workItem(get(prj + family + "/" + workItemId + "/", Map.of())));
	}

	@Override
	public TaskerWorkItem getWorkItemByIdentifier(String workspace, WorkItemIdentifier identifier) {
		String ws = ws(workspace);
		Objects.requireNonNull(identifier, "identifier");
		return withFamily((family) -> PlaneJson.workItem(get(ws + family + "/" + identifier + "/", Map.of())));
	}

	@Override
	public Optional<TaskerWorkItem> findWorkItemByExternalId(String workspace, UUID projectId, ExternalRef ref) {
		String prj = prj(workspace, projectId);
		Objects.requireNonNull(ref, "ref");
		Map<String, String> query = new LinkedHashMap<>();
		query.put("external_id", ref.id());
		query.put("external_source", ref.source());
		try {
			// plane-api.md R9b: with both params the list answers one object, or 404.
			return Optional.of(withFamily((family) -> PlaneJson.workItem(get(prj + family + "/", query))));
		}
		catch (TaskerNotFoundException ex) {
			return Optional.empty();
		}
	}

	@Override
	public TaskerWorkItem createWorkItem(String workspace, UUID projectId, WorkItemDraft draft, ExternalRef ref) {
		String prj = prj(workspace, projectId);
		Objects.requireNonNull(draft, "draft");
		Objects.requireNonNull(ref, "ref");
		ObjectNode body = WriteBodies.create(draft, ref);
		return withFamily((family) -> PlaneJson.workItem(send("POST", prj + family + "/", body)));
	}

	@Override
	public TaskerWorkItem createWorkItemIdempotently(String workspace, UUID projectId, WorkItemDraft draft,
			ExternalRef ref) {
		prj(workspace, projectId);
		Objects.requireNonNull(draft, "draft");
		Objects.requireNonNull(ref, "ref");
		// plane-api.md §5: serialise per (project, source, id) locally, look up, create,
		// resolve a 409.
		ReentrantLock lock = this.createLocks[Math.floorMod(Objects.hash(projectId, ref), this.createLocks.length)];
		lock.lock();
		try {
			Optional<TaskerWorkItem> existing = findWorkItemByExternalId(workspace, projectId, ref);
			if (existing.isPresent()) {
				return existing.get();
			}
			try {
				return createWorkItem(workspace, projectId, draft, ref);
			}
			catch (TaskerAlreadyExistsException ex) {
				try {
					return getWorkItem(workspace, projectId, ex.existingId());
				}
				catch (TaskerNotFoundException archived) {
					return findWorkItemByExternalId(workspace, projectId, ref)
						.orElseThrow(TaskerNotFoundException::new);
				}
			}
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public TaskerWorkItem updateWorkItem(String workspace, UUID projectId, UUID workItemId, WorkItemPatch patch) {
		String prj = prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		Objects.requireNonNull(patch, "patch");
		if (patch.isEmpty()) {
			throw new IllegalArgumentException("patch changes nothing");
		}
		ObjectNode body = WriteBodies.patch(patch);
		return withFamily((family) -> PlaneJson.workItem(send("PATCH", prj + family + "/" + workItemId + "/", body)));
	}

	// ---- comments

	@Override
	public TaskerPage<TaskerComment> listComments(String workspace, UUID projectId, UUID workItemId, PageRequest page) {
		String prj = prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		Cursor cursor = Cursor.decode(Objects.requireNonNull(page, "page"));
		return withFamily((family) -> page(prj + family + "/" + workItemId + "/comments/", new LinkedHashMap<>(),
				cursor, PlaneJson::comment, TaskerComment::id));
	}

	@Override
	public TaskerComment createComment(String workspace, UUID projectId, UUID workItemId, CommentDraft draft,
			ExternalRef ref) {
		String prj = prj(workspace, projectId);
		Objects.requireNonNull(workItemId, "workItemId");
		Objects.requireNonNull(draft, "draft");
		Objects.requireNonNull(ref, "ref");
		ObjectNode body = WriteBodies.comment(draft, ref);
		return withFamily(
				(family) -> PlaneJson.comment(send("POST", prj + family + "/" + workItemId + "/comments/", body)));
	}

	/**
	 * Counters of this client's rate budget, for operations and the benchmark.
	 * @return a snapshot
	 */
	public Stats stats() {
		return new Stats(this.calls.get(), this.permitWaits.get(), Duration.ofNanos(this.permitWaitNanos.get()),
				Duration.ofNanos(this.maxPermitWaitNanos.get()), this.rateLimitedAnswers.get(),
				this.circuitBreaker.getState().name());
	}

	@Override
	public String toString() {
		return "PlaneTaskerClient[" + this.apiBase + "]";
	}

	// ---- paging

	private <T> List<T> walk(String path, Function<JsonNode, T> reader, Function<T, UUID> id) {
		Map<UUID, T> seen = new LinkedHashMap<>();
		Cursor cursor = new Cursor(0, this.options.pageSize());
		for (int pages = 0; pages < MAX_PAGES; pages++) {
			JsonNode envelope = get(path, cursor.query(new LinkedHashMap<>()));
			int before = seen.size();
			// plane-api.md §2.1: offset paging can repeat rows, so de-duplicate by id.
			for (JsonNode node : array(envelope.get("results")).values()) {
				T value = read(reader, node);
				seen.putIfAbsent(id.apply(value), value);
			}
			// Loop on next_page_results: next_cursor is always present (§2.1).
			if (!envelope.path("next_page_results").asBoolean(false) || seen.size() == before) {
				break;
			}
			cursor = cursor.next();
		}
		return List.copyOf(seen.values());
	}

	private <T> TaskerPage<T> page(String path, Map<String, String> query, Cursor cursor, Function<JsonNode, T> reader,
			Function<T, UUID> id) {
		JsonNode envelope = get(path, cursor.query(query));
		Map<UUID, T> items = new LinkedHashMap<>();
		for (JsonNode node : array(envelope.get("results")).values()) {
			T value = read(reader, node);
			items.putIfAbsent(id.apply(value), value);
		}
		boolean more = envelope.path("next_page_results").asBoolean(false);
		long total = Math.max(0, envelope.path("total_count").asLong(items.size()));
		return new TaskerPage<>(List.copyOf(items.values()),
				more ? Optional.of(cursor.next().encode()) : Optional.empty(), total);
	}

	private static <T> T read(Function<JsonNode, T> reader, JsonNode node) {
		try {
			return reader.apply(node);
		}
		catch (RuntimeException ex) {
			throw new TaskerUnavailableException();
		}
	}

	private static JsonNode array(JsonNode node) {
		if (node == null || !node.isArray()) {
			throw new TaskerUnavailableException();
		}
		return node;
	}

	// ---- path family (plane-api.md §9 item 1)

	/**
	 * Runs a work-item call on the family known to work; while unknown, tries
	 * {@code work-items} and falls back to {@code issues} when Tasker says the route does
	 * not exist. Any other answer proves the route exists, so the choice is made once.
	 */
	private <T> T withFamily(Function<String, T> call) {
		String known = this.family.get();
		if (known != null) {
			return call.apply(known);
		}
		try {
			T result = call.apply("work-items");
			this.family.compareAndSet(null, "work-items");
			return result;
		}
		catch (RouteNotFoundException ex) {
			logger.info("Tasker has no /work-items/ routes; using the /issues/ family");
			this.family.set("issues");
			return call.apply("issues");
		}
		catch (TaskerException ex) {
			if (!(ex instanceof TaskerUnavailableException) && !(ex instanceof TaskerOutcomeUnknownException)) {
				this.family.compareAndSet(null, "work-items");
			}
			throw ex;
		}
	}

	// ---- HTTP

	private JsonNode get(String path, Map<String, String> query) {
		return execute("GET", path, query, null);
	}

	private JsonNode send(String method, String path, ObjectNode body) {
		return execute(method, path, Map.of(), body);
	}

	private JsonNode execute(String method, String path, Map<String, String> query, ObjectNode body) {
		boolean write = !method.equals("GET");
		Map<String, String> fullQuery = new LinkedHashMap<>(query);
		if (!write && !fullQuery.containsKey("per_page")) {
			// plane-api.md §2.1: Plane's default page is 1000; always send per_page.
			fullQuery.put("per_page", Integer.toString(this.options.pageSize()));
		}
		URI uri = this.apiBase.resolve(path + queryString(fullQuery));
		byte[] payload = (body != null) ? MAPPER.writeValueAsBytes(body) : null;
		for (int attempt = 0;; attempt++) {
			try {
				return this.circuitBreaker.executeSupplier(() -> {
					acquirePermit();
					return this.bulkhead.executeSupplier(() -> exchange(method, uri, payload, write));
				});
			}
			catch (CallNotPermittedException | BulkheadFullException ex) {
				throw new TaskerUnavailableException();
			}
			catch (ServerRateLimited ex) {
				this.rateLimitedAnswers.incrementAndGet();
				// A 429 is answered before the view runs, so retrying a write cannot
				// duplicate it.
				if (attempt >= this.options.max429Retries()
						|| ex.retryAfter.compareTo(this.options.maxRetryAfter()) > 0) {
					throw new TaskerRateLimitedException(ex.retryAfter);
				}
				sleep(ex.retryAfter);
			}
		}
	}

	private void acquirePermit() {
		long start = System.nanoTime();
		boolean permitted = this.rateLimiter.acquirePermission();
		long waited = System.nanoTime() - start;
		if (waited > 1_000_000L) {
			this.permitWaits.incrementAndGet();
			this.permitWaitNanos.addAndGet(waited);
			this.maxPermitWaitNanos.accumulateAndGet(waited, Math::max);
		}
		if (!permitted) {
			throw new TaskerRateLimitedException(this.rateLimiter.getRateLimiterConfig().getLimitRefreshPeriod());
		}
	}

	private JsonNode exchange(String method, URI uri, byte[] payload, boolean write) {
		this.calls.incrementAndGet();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.options.readTimeout())
			.header("X-API-Key", this.apiKey)
			.header("Accept", "application/json");
		if (payload != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<byte[]> response;
		try {
			CompletableFuture<HttpResponse<byte[]>> future = this.http.sendAsync(request.build(),
					BoundedBody.handler(MAX_BODY_BYTES));
			response = this.timeLimiter.executeFutureSupplier(() -> future);
		}
		catch (HttpConnectTimeoutException | ConnectException ex) {
			// Nothing reached Tasker.
			throw new TaskerUnavailableException(ex);
		}
		catch (TimeoutException | IOException | ExecutionException ex) {
			throw write ? new TaskerOutcomeUnknownException(ex) : new TaskerUnavailableException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw write ? new TaskerOutcomeUnknownException(ex) : new TaskerUnavailableException(ex);
		}
		catch (RuntimeException ex) {
			throw write ? new TaskerOutcomeUnknownException(ex) : new TaskerUnavailableException(ex);
		}
		catch (Exception ex) {
			throw write ? new TaskerOutcomeUnknownException(ex) : new TaskerUnavailableException(ex);
		}
		int status = response.statusCode();
		JsonNode json = parse(response.body());
		logger.debug("Tasker {} {} -> {}", method, uri.getRawPath(), status);
		if (status >= 200 && status < 300) {
			if (json == null && status != 204) {
				throw write ? new TaskerOutcomeUnknownException(null) : new TaskerUnavailableException();
			}
			return json;
		}
		if (PlaneErrors.isRouteNotFound(status, json)) {
			throw new RouteNotFoundException();
		}
		if (status == 429) {
			throw new ServerRateLimited(PlaneErrors.retryAfter(response.headers()));
		}
		throw PlaneErrors.toException(status, response.headers(), json, write);
	}

	private static JsonNode parse(byte[] body) {
		if (body == null || body.length == 0) {
			return null;
		}
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new TaskerRateLimitedException(duration);
		}
	}

	private static String queryString(Map<String, String> query) {
		if (query.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder("?");
		query.forEach((name, value) -> {
			if (out.length() > 1) {
				out.append('&');
			}
			out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(value, StandardCharsets.UTF_8));
		});
		return out.toString();
	}

	private String agentEmail() {
		String email = this.agentEmail.get();
		if (email == null) {
			JsonNode me = get("users/me/", Map.of());
			email = Objects.requireNonNullElse(PlaneErrors.text(me.get("email")), "").toLowerCase(Locale.ROOT);
			this.agentEmail.set(email);
		}
		return email;
	}

	// Every path ends in "/" (plane-api.md §2): Plane answers 301 otherwise.
	private static String ws(String workspace) {
		Objects.requireNonNull(workspace, "workspace");
		if (!SLUG.matcher(workspace).matches()) {
			throw new IllegalArgumentException("workspace must be a lowercase slug");
		}
		return "workspaces/" + workspace + "/";
	}

	private static String prj(String workspace, UUID projectId) {
		Objects.requireNonNull(projectId, "projectId");
		return ws(workspace) + "projects/" + projectId + "/";
	}

	private static String stripSlash(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
	 * An opaque page cursor: the page index and the page size it was made with, since
	 * Plane's offset is page × the current request's per_page (plane-api.md §2.1).
	 */
	private record Cursor(long page, int pageSize) {

		static Cursor decode(PageRequest request) {
			if (request.cursor() == null) {
				return new Cursor(0, request.pageSize());
			}
			try {
				String text = new String(Base64.getUrlDecoder().decode(request.cursor()), StandardCharsets.US_ASCII);
				String[] parts = text.split(":");
				if (parts.length != 3 || !parts[0].equals("p1")) {
					throw new IllegalArgumentException("cursor is not valid");
				}
				long page = Long.parseLong(parts[1]);
				int size = Integer.parseInt(parts[2]);
				if (page < 0 || page > 1_000_000 || size < 1 || size > PageRequest.MAX_PAGE_SIZE) {
					throw new IllegalArgumentException("cursor is not valid");
				}
				return new Cursor(page, size);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("cursor is not valid");
			}
		}

		Cursor next() {
			return new Cursor(this.page + 1, this.pageSize);
		}

		String encode() {
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(("p1:" + this.page + ":" + this.pageSize).getBytes(StandardCharsets.US_ASCII));
		}

		Map<String, String> query(Map<String, String> query) {
			query.put("per_page", Integer.toString(this.pageSize));
			if (this.page > 0) {
				query.put("cursor", this.pageSize + ":" + this.page + ":0");
			}
			return query;
		}

	}

	/** Plane answered 404 "Page not found.": the route does not exist. */
	private static final class RouteNotFoundException extends TaskerNotFoundException {

		private static final long serialVersionUID = 1L;

	}

	/** Plane's own 429, retried here after Retry-After. */
	private static final class ServerRateLimited extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient Duration retryAfter;

		ServerRateLimited(Duration retryAfter) {
			super("rate limited", null, false, false);
			this.retryAfter = retryAfter;
		}

	}

	/**
	 * Builds a {@link PlaneTaskerClient}.
	 */
	public static final class Builder {

		private final URI baseUrl;

		private final String apiKey;

		private PlaneClientOptions options = PlaneClientOptions.defaults();

		private MembershipSource membershipSource = (workspace, projectId, email) -> Optional.empty();

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

		public PlaneTaskerClient build() {
			return new PlaneTaskerClient(this.baseUrl, this.apiKey, this.options, this.membershipSource);
		}

		@Override
		public String toString() {
			return "PlaneTaskerClient.Builder[" + this.baseUrl + "]";
		}

	}

}
