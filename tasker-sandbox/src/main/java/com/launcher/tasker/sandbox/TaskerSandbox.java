package com.launcher.tasker.sandbox;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.launcher.tasker.sandbox.SandboxModel.User;

/**
 * A running Plane-compatible Tasker double on 127.0.0.1. State lives in memory and is
 * lost on {@link #close()}. Changes fire Plane's webhooks ({@link #webhooks()}), and
 * {@link #person(String)} makes changes as a person in Tasker's web app. The control
 * methods (journal, faults, membership changes) are for tests; the HTTP control path
 * {@code /_sandbox/} exists only when {@link SandboxOptions#controlEnabled()} is set.
 */
public final class TaskerSandbox implements AutoCloseable {

	/** The only workspace slug. */
	public static final String WORKSPACE = SandboxStore.WORKSPACE;

	private static final Logger logger = LoggerFactory.getLogger(TaskerSandbox.class);

	private final WebhookDispatcher webhookDispatcher;

	private final SandboxWebhooks webhooks;

	private final SandboxSetup setup;

	private final Faults faults = new Faults();

	private final String agentApiKey;

	private final SandboxServer server;

	private TaskerSandbox(SandboxOptions options) throws IOException {
		SandboxStore store = new SandboxStore(options.maxPerPage());
		PlaneShapes shapes = new PlaneShapes(store);
		WorkItemShapes workItemShapes = new WorkItemShapes(store, shapes);
		User agent;
		synchronized (store.lock) {
			agent = DemoSeed.seed(store, options.seed() == SandboxOptions.Seed.DEMO);
			this.agentApiKey = store.issueApiKey(agent.id);
		}
		PlaneApi api = new PlaneApi(store, shapes, workItemShapes,
				new SlidingWindowRateLimiter(options.rateLimitPerWindow(), options.rateWindow()),
				options.pathFamilies());
		this.webhookDispatcher = new WebhookDispatcher(store, shapes, workItemShapes, options.webhooks());
		// Build the JSON mapper now, not on the first request, whose caller may be
		// counting time against a timeout.
		Json.MAPPER.writeValueAsString(Json.MAPPER.createObjectNode().put("warm", true));
		this.webhooks = new SandboxWebhooks(store, this.webhookDispatcher);
		this.setup = new SandboxSetup(store, workItemShapes, this.webhookDispatcher);
		this.server = new SandboxServer(this, options, store, api, this.faults, this.webhookDispatcher);
		this.server.start();
		logger.info("Tasker sandbox listening on {} (in-memory state, control path {})", baseUrl(),
				options.controlEnabled() ? "on" : "off");
	}

	/**
	 * Starts a sandbox.
	 * @param options how to start
	 * @return the running sandbox
	 * @throws IllegalStateException when the port cannot be bound
	 */
	public static TaskerSandbox start(SandboxOptions options) {
		try {
			return new TaskerSandbox(options);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Tasker sandbox could not bind its port", ex);
		}
	}

	/**
	 * The base URL, for example {@code http://127.0.0.1:54321} (the API is under
	 * {@code /api/v1/}).
	 * @return the base URL without a trailing slash
	 */
	public URI baseUrl() {
		return URI.create("http://127.0.0.1:" + this.server.port());
	}

	public int port() {
		return this.server.port();
	}

	/**
	 * The API key of the "Tasker Agent" user ({@value DemoSeed#AGENT_EMAIL}), a member of
	 * every seeded project; new on every start.
	 * @return the key
	 */
	public String demoApiKey() {
		return this.agentApiKey;
	}

	public String workspace() {
		return WORKSPACE;
	}

	/**
	 * The id of a seeded project.
	 * @param identifier for example {@code WEB}
	 * @return the project id
	 */
	public UUID projectId(String identifier) {
		return this.setup.projectId(identifier);
	}

	/**
	 * The Tasker id of a user.
	 * @param email the e-mail address
	 * @return the user id
	 */
	public UUID userId(String email) {
		return this.setup.userId(email);
	}

	/**
	 * Issues another API key for a user (for tests of other callers).
	 * @param email the user's e-mail
	 * @return the new key
	 */
	public String issueApiKey(String email) {
		return this.setup.issueApiKey(email);
	}

	/**
	 * Adds a project with the demo states, the agent user as a member and no items.
	 * @param identifier the identifier
	 * @param name the name
	 * @return the project id
	 */
	public UUID addProject(String identifier, String name) {
		return this.setup.addProject(identifier, name);
	}

	/**
	 * Adds a work item directly, as if a person had created it.
	 * @param projectId the project
	 * @param name the title
	 * @return the work item id
	 */
	public UUID addWorkItem(UUID projectId, String name) {
		return this.setup.addWorkItem(projectId, name);
	}

	/**
	 * Adds many cards to a project at once, for scale tests: titles "Seeded card N",
	 * states, priorities, labels and assignees spread over the project's own, and
	 * distinct creation and update times one microsecond apart (oldest first). Like a
	 * bulk import, it fires no webhooks.
	 * @param projectIdentifier for example {@code WEB}
	 * @param count how many cards, 1 to 100,000
	 * @return the new cards' ids, oldest first
	 */
	public List<UUID> seedWorkItems(String projectIdentifier, int count) {
		return this.setup.seedWorkItems(projectIdentifier, count);
	}

	/**
	 * The id of a card by its readable id, deleted and archived ones included.
	 * @param readableId for example {@code WEB-3}
	 * @return the card's id
	 */
	public UUID workItemId(String readableId) {
		return this.setup.workItemId(readableId);
	}

	/**
	 * A person working in Tasker's web app, whose changes fire webhooks as Plane's do.
	 * @param email the person's e-mail, for example {@code alice@launcher.local}
	 * @return the person
	 */
	public SandboxPerson person(String email) {
		return this.setup.person(email);
	}

	/**
	 * The workspace's webhooks, their deliveries and faults.
	 * @return the webhooks
	 */
	public SandboxWebhooks webhooks() {
		return this.webhooks;
	}

	/**
	 * Forgets every work item except the given ones, with their comments, as if they had
	 * never been made: for long benchmarks, whose created cards would otherwise fill the
	 * heap of the JVM they share with the host (a real Tasker keeps them in its own
	 * database).
	 * @param keep the items to keep
	 * @return how many items were forgotten
	 */
	public int forgetWorkItemsExcept(Set<UUID> keep) {
		return this.setup.forgetWorkItemsExcept(keep);
	}

	/**
	 * Deactivates or reactivates a project membership. Plane's member list still shows a
	 * deactivated member (plane-api.md R4).
	 * @param projectIdentifier for example {@code WEB}
	 * @param email the member's e-mail
	 * @param active the new state
	 */
	public void setMembershipActive(String projectIdentifier, String email, boolean active) {
		this.setup.setMembershipActive(projectIdentifier, email, active);
	}

	public void setUserTimezone(String email, ZoneId zone) {
		this.setup.setUserTimezone(email, zone);
	}

	/**
	 * Every API call received since start or the last {@link #clearJournal()}.
	 * @return the entries in order
	 */
	public List<JournalEntry> journal() {
		return this.server.journal();
	}

	public void clearJournal() {
		this.server.clearJournal();
	}

	/** Adds latency before every API call. */
	public void addLatency(Duration latency) {
		this.faults.latency(latency);
	}

	/**
	 * Answers the next {@code count} API calls with this status and body, applying
	 * nothing.
	 */
	public void failNext(int count, int status, String body) {
		this.faults.failNext(count, status, body);
	}

	/**
	 * Closes the connection of the next {@code count} API calls without an answer,
	 * applying nothing.
	 */
	public void dropNext(int count) {
		this.faults.dropNext(count);
	}

	/**
	 * Applies the next {@code count} writes, then closes their connections without an
	 * answer.
	 */
	public void resetAfterNextWrites(int count) {
		this.faults.resetAfterNextWrites(count);
	}

	public void clearFaults() {
		this.faults.clear();
	}

	@Override
	public void close() {
		this.server.close();
		this.webhookDispatcher.close();
	}

}
