package com.launcher.tasker.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.host.api.tasker.CommentDraft;
import com.launcher.host.api.tasker.ExternalRef;
import com.launcher.host.api.tasker.PageRequest;
import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerComment;
import com.launcher.host.api.tasker.TaskerCredentialRejectedException;
import com.launcher.host.api.tasker.TaskerException;
import com.launcher.host.api.tasker.TaskerForbiddenException;
import com.launcher.host.api.tasker.TaskerInvalidRequestException;
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
import com.launcher.host.api.tasker.WorkItemPriority;
import com.launcher.host.api.tasker.WorkItemStamp;
import com.launcher.tasker.sandbox.JournalEntry;
import com.launcher.tasker.sandbox.SandboxOptions;
import com.launcher.tasker.sandbox.SandboxPerson;
import com.launcher.tasker.sandbox.TaskerSandbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Contract tests of the HTTP client against the sandbox over real HTTP, one per
 * plane-api.md row the client uses.
 */
class PlaneTaskerClientTests {

	private static final String WS = "demo";

	private static final ExternalRef REF = new ExternalRef("agent-gateway", "req-1");

	private TaskerSandbox sandbox;

	private PlaneTaskerClient client;

	private UUID web;

	private final InMemoryMembershipSource memberships = new InMemoryMembershipSource();

	@BeforeAll
	static void warmUp() {
		// Load the client's and the sandbox's classes once without a tight limit: in a
		// cold JVM on a busy machine that alone can outlast the short limits some tests
		// assert (300 ms for a stalled body), whichever test happens to run first.
		try (TaskerSandbox warm = TaskerSandbox.start(SandboxOptions.forTests())) {
			PlaneTaskerClient.builder(warm.baseUrl(), warm.demoApiKey())
				.options(PlaneClientOptions.defaults().withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60)))
				.build()
				.getProject(WS, warm.projectId("WEB"));
		}
	}

	@BeforeEach
	void start() {
		this.sandbox = TaskerSandbox.start(SandboxOptions.forTests().withRateLimit(1000, Duration.ofMinutes(1)));
		this.client = client(this.sandbox, fastOptions());
		this.web = this.sandbox.projectId("WEB");
	}

	@AfterEach
	void stop() {
		this.sandbox.close();
	}

	private static PlaneClientOptions fastOptions() {
		return PlaneClientOptions.defaults()
			.withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
			.withRateBudget(1000, Duration.ofMinutes(1), Duration.ofSeconds(5));
	}

	private PlaneTaskerClient client(TaskerSandbox target, PlaneClientOptions options) {
		return PlaneTaskerClient.builder(target.baseUrl(), target.demoApiKey())
			.options(options)
			.membershipSource(this.memberships)
			.build();
	}

	// R2, R3
	@Test
	void listProjectsWhenAgentIsMemberThenBothProjectsWithRole() {
		List<TaskerProject> projects = this.client.listProjects(WS);
		assertThat(projects).extracting(TaskerProject::identifier).containsExactlyInAnyOrder("WEB", "OPS");
		assertThat(projects).allSatisfy((p) -> assertThat(p.callerRole()).contains(ProjectRole.MEMBER));
		assertThat(this.client.getProject(WS, this.web).identifier()).isEqualTo("WEB");
		assertThat(this.sandbox.journal()).allSatisfy((e) -> {
			assertThat(e.path()).endsWith("/");
			assertThat(e.query()).contains("per_page=100");
		});
	}

	// §2.1: pages walked on next_page_results, de-duplicated by id
	@Test
	void listStatesWhenSeveralPagesThenAllWalkedOnce() {
		PlaneTaskerClient small = client(this.sandbox, fastOptions().withPageSize(2));
		List<TaskerState> states = small.listStates(WS, this.web);
		assertThat(states).hasSize(5);
		assertThat(new HashSet<>(states.stream().map(TaskerState::id).toList())).hasSize(5);
		assertThat(this.sandbox.journal()).hasSize(3);
		assertThat(this.sandbox.journal().get(1).query()).contains("cursor=2%3A1%3A0");
	}

	// Issue 12 point 8: a call ends within longestCall(), which plugins derive leases
	// from.
	@Test
	void listStatesWhenTheCallTimeLimitPassesBetweenPagesThenNoFurtherPageStartsAndUnavailable() {
		PlaneTaskerClient small = client(this.sandbox,
				fastOptions().withPageSize(2).withCallTimeLimit(Duration.ofMillis(500)));
		this.sandbox.addLatency(Duration.ofMillis(300));

		assertThatThrownBy(() -> small.listStates(WS, this.web)).isInstanceOf(TaskerUnavailableException.class);
		// Three pages without the limit; the third would start after it.
		assertThat(this.sandbox.journal()).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void getWorkItemWhenTaskersRetryAfterEndsPastTheCallTimeLimitThenRateLimitedAtOnceWithoutSleeping() {
		try (TaskerSandbox limited = TaskerSandbox
			.start(SandboxOptions.forTests().withRateLimit(1, Duration.ofMinutes(1)))) {
			PlaneTaskerClient client = client(limited,
					fastOptions().withRetries(2, Duration.ofMinutes(2)).withCallTimeLimit(Duration.ofSeconds(2)));
			UUID web = limited.projectId("WEB");
			client.getProject(WS, web);

			// Plane's Retry-After is about a minute: beyond the call's limit, so the
			// client answers now instead of sleeping and retrying.
			assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> client.getProject(WS, web))
				.isInstanceOf(TaskerRateLimitedException.class));
			assertThat(limited.journal()).extracting((entry) -> entry.status()).containsExactly(200, 429);
		}
	}

	@Test
	void longestCallWhenDefaultsThenTheCallLimitPlusOneWholeExchangeWithItsWaits() {
		PlaneClientOptions defaults = PlaneClientOptions.defaults();

		assertThat(defaults.longestExchange()).isEqualTo(Duration.ofSeconds(30 + 2 + 5 + 10));
		assertThat(defaults.longestCall()).isEqualTo(Duration.ofSeconds(60 + 47));
		assertThat(this.client.longestCall()).isEqualTo(fastOptions().longestCall());
	}

	// R7, R8
	@Test
	void listLabelsWhenProjectKnownThenItsLabels() {
		assertThat(this.client.listLabels(WS, this.web)).extracting("name").contains("bug", "frontend");
	}

	// R9: one page with an opaque cursor
	@Test
	void listWorkItemsWhenPagedThenCursorLeadsToRestWithoutRepeats() {
		TaskerPage<TaskerWorkItem> first = this.client.listWorkItems(WS, this.web, PageRequest.first(2));
		assertThat(first.items()).hasSize(2);
		assertThat(first.totalCount()).isEqualTo(3);
		assertThat(first.nextCursor()).isPresent();
		TaskerPage<TaskerWorkItem> second = this.client.listWorkItems(WS, this.web,
				PageRequest.first(2).next(first.nextCursor().get()));
		assertThat(second.items()).hasSize(1);
		assertThat(second.nextCursor()).isEmpty();
		Set<UUID> ids = new HashSet<>();
		first.items().forEach((i) -> ids.add(i.id()));
		second.items().forEach((i) -> ids.add(i.id()));
		assertThat(ids).hasSize(3);
	}

	@Test
	void listWorkItemsWhenCursorForgedThenRefusedBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.listWorkItems(WS, this.web, new PageRequest("1000:1:0", 10)));
		assertThat(this.sandbox.journal()).isEmpty();
	}

	// R10, R11
	@Test
	void getWorkItemByIdentifierWhenValidThenSameAsById() {
		TaskerWorkItem byIdentifier = this.client.getWorkItemByIdentifier(WS, WorkItemIdentifier.parse("WEB-1"));
		TaskerWorkItem byId = this.client.getWorkItem(WS, this.web, byIdentifier.id());
		assertThat(byId).isEqualTo(byIdentifier);
		assertThat(byId.createdAt()).isNotNull();
		assertThat(byId.descriptionHtml()).contains("<script>");
	}

	@Test
	void getWorkItemByIdentifierWhenInvalidThenRefusedWithNoCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.getWorkItemByIdentifier(WS, WorkItemIdentifier.parse("web-12")));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.getWorkItemByIdentifier(WS, WorkItemIdentifier.parse("WEB-x")));
		assertThat(this.sandbox.journal()).isEmpty();
	}

	@Test
	void getWorkItemWhenUnknownThenNotFound() {
		assertThatThrownBy(() -> this.client.getWorkItem(WS, this.web, UUID.randomUUID()))
			.isInstanceOf(TaskerNotFoundException.class)
			.hasMessage("The Tasker resource does not exist");
	}

	@Test
	void getWorkItemWhenProjectUnknownThenForbidden() {
		assertThatThrownBy(() -> this.client.getWorkItem(WS, UUID.randomUUID(), UUID.randomUUID()))
			.isInstanceOf(TaskerForbiddenException.class);
	}

	// W1, W1-409, R9b and the §5 procedure
	@Test
	void createWorkItemWhenRepeatedThenAlreadyExistsWithExistingId() {
		TaskerWorkItem created = this.client.createWorkItem(WS, this.web, draft(), REF);
		assertThat(created.externalId()).isEqualTo("req-1");
		assertThat(created.externalSource()).isEqualTo("agent-gateway");
		assertThatThrownBy(() -> this.client.createWorkItem(WS, this.web, draft(), REF)).isInstanceOfSatisfying(
				TaskerAlreadyExistsException.class, (ex) -> assertThat(ex.existingId()).isEqualTo(created.id()));
		assertThat(this.client.findWorkItemByExternalId(WS, this.web, REF)).map(TaskerWorkItem::id)
			.contains(created.id());
		assertThat(this.client.findWorkItemByExternalId(WS, this.web, new ExternalRef("agent-gateway", "none")))
			.isEmpty();
	}

	@Test
	void createWorkItemIdempotentlyWhenCalledTwiceThenOneItem() {
		TaskerWorkItem first = this.client.createWorkItemIdempotently(WS, this.web, draft(), REF);
		TaskerWorkItem second = this.client.createWorkItemIdempotently(WS, this.web, draft(), REF);
		assertThat(second.id()).isEqualTo(first.id());
		assertThat(this.sandbox.journal().stream().filter((e) -> e.method().equals("POST"))).hasSize(1);
	}

	@Test
	void createWorkItemWhenDraftHasFieldsThenOnlyWhitelistedKeysSent() {
		UUID alice = this.sandbox.userId("alice@launcher.local");
		WorkItemDraft draft = WorkItemDraft.builder("Fix it")
			.descriptionHtml("<p>d</p>")
			.priority(WorkItemPriority.HIGH)
			.assignees(List.of(alice))
			.startDate(LocalDate.of(2026, 1, 1))
			.targetDate(LocalDate.of(2026, 1, 2))
			.build();
		TaskerWorkItem created = this.client.createWorkItem(WS, this.web, draft, REF);
		assertThat(created.priority()).isEqualTo(WorkItemPriority.HIGH);
		assertThat(created.assigneeIds()).containsExactly(alice);
		String body = lastWrite().body();
		assertThat(body).contains("\"description_html\"").doesNotContain("\"description\"");
		assertForbiddenKeysAbsent(body);
	}

	// W2: PATCH whitelist, asserted on the journal
	@Test
	void updateWorkItemWhenPatchedThenOnlyPresentWhitelistedFieldsSent() {
		TaskerWorkItem item = this.client.createWorkItem(WS, this.web, draft(), REF);
		UUID done = this.client.listStates(WS, this.web)
			.stream()
			.filter((s) -> s.name().equals("Done"))
			.findFirst()
			.orElseThrow()
			.id();
		TaskerWorkItem updated = this.client.updateWorkItem(WS, this.web, item.id(),
				WorkItemPatch.builder().state(done).labels(List.of()).targetDate(null).build());
		assertThat(updated.stateId()).isEqualTo(done);
		assertThat(updated.completedAt()).isNotNull();
		JournalEntry patch = lastWrite();
		assertThat(patch.method()).isEqualTo("PATCH");
		assertThat(patch.body()).isEqualTo("{\"state\":\"" + done + "\",\"labels\":[],\"target_date\":null}");
		assertForbiddenKeysAbsent(patch.body());
	}

	@Test
	void updateWorkItemWhenStateInvalidThenInvalidRequestWithFieldMessages() {
		TaskerWorkItem item = this.client.createWorkItem(WS, this.web, draft(), REF);
		assertThatThrownBy(() -> this.client.updateWorkItem(WS, this.web, item.id(),
				WorkItemPatch.builder().state(UUID.randomUUID()).build()))
			.isInstanceOfSatisfying(TaskerInvalidRequestException.class, (ex) -> {
				assertThat(ex.fieldErrors()).containsKey("state");
				assertThat(ex.getMessage()).isEqualTo("Tasker rejected the request as invalid");
			});
	}

	@Test
	void createWorkItemWhenAssigneeUnknownThenIndexKeyedFieldMessage() {
		WorkItemDraft draft = WorkItemDraft.builder("x").assignees(List.of(UUID.randomUUID())).build();
		assertThatThrownBy(() -> this.client.createWorkItem(WS, this.web, draft, REF)).isInstanceOfSatisfying(
				TaskerInvalidRequestException.class, (ex) -> assertThat(ex.fieldErrors()).containsKey("assignees[0]"));
	}

	// R13, W3, W3-409
	@Test
	void createCommentWhenRepeatedThenAlreadyExistsWithExistingCommentId() {
		TaskerWorkItem item = this.client.getWorkItemByIdentifier(WS, WorkItemIdentifier.parse("WEB-2"));
		TaskerComment comment = this.client.createComment(WS, this.web, item.id(), new CommentDraft("<p>hi</p>"), REF);
		assertThat(comment.commentHtml()).isEqualTo("<p>hi</p>");
		assertThat(comment.actorId()).isEqualTo(this.sandbox.userId("agent@launcher.local"));
		assertThat(lastWrite().body()).contains("\"comment_html\"").doesNotContain("created_by");
		assertThatThrownBy(() -> this.client.createComment(WS, this.web, item.id(), new CommentDraft("<p>hi</p>"), REF))
			.isInstanceOfSatisfying(TaskerAlreadyExistsException.class,
					(ex) -> assertThat(ex.existingId()).isEqualTo(comment.id()));
		TaskerPage<TaskerComment> page = this.client.listComments(WS, this.web, item.id(), PageRequest.first(10));
		assertThat(page.items()).extracting(TaskerComment::id).contains(comment.id());
	}

	@Test
	void listCommentsWhenItemUnknownThenEmptyPage() {
		assertThat(this.client.listComments(WS, this.web, UUID.randomUUID(), PageRequest.first(10)).items()).isEmpty();
	}

	// R4 + membership honesty (§3.1)
	@Test
	void membershipWhenNotListedThenNotMember() {
		ProjectMembership answer = this.client.membership(WS, this.sandbox.projectId("OPS"), "bob@launcher.local");
		assertThat(answer.status()).isEqualTo(ProjectMembership.Status.NOT_MEMBER);
	}

	@Test
	void membershipWhenListedWithoutHostRecordThenUnknownEvenAfterRemoval() {
		this.sandbox.setMembershipActive("WEB", "bob@launcher.local", false);
		assertThat(this.client.membership(WS, this.web, "bob@launcher.local").status())
			.isEqualTo(ProjectMembership.Status.UNKNOWN);
		this.memberships.setInactive(WS, this.web, "bob@launcher.local");
		assertThat(this.client.membership(WS, this.web, "BOB@launcher.local").status())
			.isEqualTo(ProjectMembership.Status.NOT_MEMBER);
		this.memberships.setActive(WS, this.web, "bob@launcher.local", ProjectRole.MEMBER);
		assertThat(this.client.membership(WS, this.web, "bob@launcher.local").role()).contains(ProjectRole.MEMBER);
	}

	@Test
	void membershipWhenAgentItselfThenAnsweredFromProjectFlags() {
		assertThat(this.client.membership(WS, this.web, "agent@launcher.local").role()).contains(ProjectRole.MEMBER);
	}

	// §9 item 1: path-family fallback
	@Test
	void getWorkItemWhenOnlyIssuesFamilyThenFallsBackOnceAndRemembers() {
		try (TaskerSandbox old = TaskerSandbox
			.start(SandboxOptions.forTests().withPathFamilies(SandboxOptions.PathFamilies.ISSUES_ONLY))) {
			PlaneTaskerClient oldClient = client(old, fastOptions());
			UUID project = old.projectId("WEB");
			assertThat(oldClient.listWorkItems(WS, project, PageRequest.first(10)).items()).hasSize(3);
			oldClient.createWorkItem(WS, project, draft(), REF);
			assertThat(old.journal()).extracting(JournalEntry::path)
				.filteredOn((p) -> p.contains("/work-items/"))
				.hasSize(1);
			assertThat(old.journal().get(old.journal().size() - 1).path()).contains("/issues/");
		}
	}

	// Issue 14: what an incremental sync reads (plane-api.md §7 "Incremental sync")

	@Test
	void listRecentlyUpdatedWorkItemsWhenACardWasTouchedThenItLeadsInOneLargePageCall() {
		UUID oldest = this.sandbox.workItemId("WEB-1");
		this.sandbox.person("alice@launcher.local").moveState(oldest, "In Progress");
		this.sandbox.clearJournal();

		TaskerPage<TaskerWorkItem> page = this.client.listRecentlyUpdatedWorkItems(WS, this.web, null);

		assertThat(page.items()).hasSize(3);
		assertThat(page.items().get(0).id()).isEqualTo(oldest);
		assertThat(page.items()).isSortedAccordingTo((a, b) -> b.updatedAt().compareTo(a.updatedAt()));
		assertThat(page.nextCursor()).isEmpty();
		assertThat(this.sandbox.journal()).singleElement().satisfies((call) -> {
			assertThat(call.path()).endsWith("/work-items/");
			assertThat(call.query()).contains("order_by=-updated_at").contains("per_page=1000");
		});
	}

	@Test
	void listRecentlyUpdatedWorkItemsWhenPagedDownToAWatermarkThenTheCallerStopsThere() {
		UUID big = this.sandbox.addProject("BIG", "Big");
		List<UUID> seeded = this.sandbox.seedWorkItems("BIG", 2_500);
		this.sandbox.clearJournal();
		// A watermark inside the second page: the caller reads two pages and stops.
		OffsetDateTime watermark = this.client.getWorkItem(WS, big, seeded.get(1_200)).updatedAt();
		this.sandbox.clearJournal();
		Set<UUID> changed = new HashSet<>();
		String cursor = null;
		boolean reachedWatermark = false;
		while (!reachedWatermark) {
			TaskerPage<TaskerWorkItem> page = this.client.listRecentlyUpdatedWorkItems(WS, big, cursor);
			for (TaskerWorkItem item : page.items()) {
				if (!item.updatedAt().isAfter(watermark)) {
					reachedWatermark = true;
					break;
				}
				changed.add(item.id());
			}
			cursor = page.nextCursor().orElse(null);
			reachedWatermark |= cursor == null;
		}
		assertThat(changed).hasSize(2_500 - 1_201);
		assertThat(this.sandbox.journal()).hasSize(2);
		assertThat(this.sandbox.journal().get(1).query()).contains("cursor=1000%3A1%3A0");
	}

	@Test
	void listRecentlyUpdatedWorkItemsWhenTaskerRefusesLargePagesThenFallsBackOnceAndRemembers() {
		try (TaskerSandbox capped = TaskerSandbox
			.start(SandboxOptions.forTests().withMaxPerPage(100).withRateLimit(1000, Duration.ofMinutes(1)))) {
			UUID big = capped.addProject("BIG", "Big");
			capped.seedWorkItems("BIG", 250);
			PlaneTaskerClient cappedClient = client(capped, fastOptions());

			TaskerPage<TaskerWorkItem> first = cappedClient.listRecentlyUpdatedWorkItems(WS, big, null);
			TaskerPage<TaskerWorkItem> second = cappedClient.listRecentlyUpdatedWorkItems(WS, big,
					first.nextCursor().orElseThrow());
			TaskerPage<WorkItemStamp> sweep = cappedClient.listWorkItemStamps(WS, big, null);

			assertThat(first.items()).hasSize(100);
			assertThat(second.items()).hasSize(100).doesNotContainAnyElementsOf(first.items());
			assertThat(sweep.items()).hasSize(100);
			// One refused call, then every call at 100: the size is remembered.
			assertThat(capped.journal()).extracting(JournalEntry::status).containsExactly(400, 200, 200, 200);
			assertThat(capped.journal().get(0).query()).contains("per_page=1000");
			assertThat(capped.journal().subList(1, 4))
				.allSatisfy((call) -> assertThat(call.query()).containsPattern("per_page=100(&|$)"));
			assertThat(capped.journal().get(2).query()).contains("cursor=100%3A1%3A0");
		}
	}

	@Test
	void listWorkItemStampsWhenSweptThenEveryListedIdInPagesOfAThousandWithTwoFieldsOnly() {
		UUID big = this.sandbox.addProject("BIG", "Big");
		List<UUID> seeded = this.sandbox.seedWorkItems("BIG", 2_500);
		this.sandbox.person("agent@launcher.local").archiveWorkItem(seeded.get(7));
		this.sandbox.clearJournal();

		Set<UUID> swept = new HashSet<>();
		String cursor = null;
		do {
			TaskerPage<WorkItemStamp> page = this.client.listWorkItemStamps(WS, big, cursor);
			page.items().forEach((stamp) -> {
				assertThat(stamp.updatedAt()).isNotNull();
				swept.add(stamp.id());
			});
			cursor = page.nextCursor().orElse(null);
		}
		while (cursor != null);

		assertThat(swept).hasSize(2_499).doesNotContain(seeded.get(7));
		assertThat(this.sandbox.journal()).hasSize(3)
			.allSatisfy((call) -> assertThat(call.query()).contains("fields=id%2Cupdated_at")
				.contains("order_by=created_at")
				.contains("per_page=1000"));
	}

	@Test
	void listRecentlyUpdatedWorkItemsWhenCursorForgedOrFromAnotherListingThenRefusedBeforeAnyCall() {
		TaskerPage<TaskerWorkItem> page = this.client.listWorkItems(WS, this.web, PageRequest.first(1));
		this.sandbox.clearJournal();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.client.listRecentlyUpdatedWorkItems(WS, this.web, page.nextCursor().orElseThrow()));
		assertThatIllegalArgumentException().isThrownBy(() -> this.client.listWorkItemStamps(WS, this.web, "1000:1:0"));
		assertThat(this.sandbox.journal()).isEmpty();
	}

	@Test
	void listAllCommentsWhenACardHasCommentsThenAllWithAuthorAndTimesInOneCall() {
		UUID card = this.sandbox.workItemId("WEB-1");
		this.sandbox.clearJournal();
		List<TaskerComment> comments = this.client.listAllComments(WS, this.web, card);
		assertThat(comments).hasSize(2).allSatisfy((comment) -> {
			assertThat(comment.workItemId()).isEqualTo(card);
			assertThat(comment.actorId()).isNotNull();
			assertThat(comment.createdAt()).isNotNull();
			assertThat(comment.updatedAt()).isNotNull();
		});
		assertThat(comments).extracting(TaskerComment::actorId)
			.containsExactly(this.sandbox.userId("alice@launcher.local"), this.sandbox.userId("bob@launcher.local"));
		assertThat(this.sandbox.journal()).singleElement()
			.satisfies((call) -> assertThat(call.query()).contains("per_page=1000"));
		assertThat(this.client.listAllComments(WS, this.web, UUID.randomUUID())).isEmpty();
	}

	@Test
	void listAllCommentsWhenMoreThanAPageThenEveryPageWalked() {
		try (TaskerSandbox capped = TaskerSandbox
			.start(SandboxOptions.forTests().withMaxPerPage(100).withRateLimit(1000, Duration.ofMinutes(1)))) {
			UUID card = capped.workItemId("WEB-2");
			SandboxPerson alice = capped.person("alice@launcher.local");
			for (int i = 0; i < 150; i++) {
				alice.addComment(card, "<p>" + i + "</p>");
			}
			capped.clearJournal();
			List<TaskerComment> comments = client(capped, fastOptions()).listAllComments(WS, capped.projectId("WEB"),
					card);
			assertThat(comments).hasSize(151);
			assertThat(new HashSet<>(comments.stream().map(TaskerComment::id).toList())).hasSize(151);
			assertThat(capped.journal()).extracting(JournalEntry::status).containsExactly(400, 200, 200);
		}
	}

	@Test
	void listProjectMembersWhenListedThenEachWithEmailAndDisplayName() {
		assertThat(this.client.listProjectMembers(WS, this.web)).extracting(TaskerUser::email, TaskerUser::displayName)
			.contains(tuple("alice@launcher.local", "alice"), tuple("bob@launcher.local", "bob"),
					tuple("agent@launcher.local", "tasker-agent"));
	}

	@Test
	void webLinkWhenWebAddressConfiguredThenBrowseAddressAndNoCall() {
		PlaneTaskerClient linked = PlaneTaskerClient.builder(this.sandbox.baseUrl(), this.sandbox.demoApiKey())
			.options(fastOptions())
			.webUrl(URI.create("https://tasker.example.com/"))
			.build();
		assertThat(linked.webLink(WS, WorkItemIdentifier.parse("WEB-12")))
			.contains(URI.create("https://tasker.example.com/demo/browse/WEB-12/"));
		assertThat(this.client.webLink(WS, WorkItemIdentifier.parse("WEB-12"))).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> linked.webLink("Not A Slug", WorkItemIdentifier.parse("WEB-1")));
		assertThat(this.sandbox.journal()).isEmpty();
	}

	@Test
	void webLinkWhenPointedAtTheSandboxThenThePageShowsTheCard() throws Exception {
		PlaneTaskerClient linked = PlaneTaskerClient.builder(this.sandbox.baseUrl(), this.sandbox.demoApiKey())
			.webUrl(this.sandbox.baseUrl())
			.build();
		URI link = linked.webLink(WS, WorkItemIdentifier.parse("WEB-2")).orElseThrow();
		HttpResponse<String> page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Update the footer links");
	}

	// §6: every error shape
	@Test
	void callWhenKeyInvalidThenCredentialRejectedAndKeyNotInMessage() {
		PlaneTaskerClient bad = PlaneTaskerClient.builder(this.sandbox.baseUrl(), "plane_api_wrong")
			.options(fastOptions())
			.build();
		assertThatThrownBy(() -> bad.listProjects(WS)).isInstanceOf(TaskerCredentialRejectedException.class)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("plane_api"));
		assertThat(bad.toString()).doesNotContain("plane_api_wrong");
		assertThat(this.client.toString()).doesNotContain(this.sandbox.demoApiKey());
	}

	@Test
	void callWhenServerAnswers401ThenCredentialRejected() {
		this.sandbox.failNext(1, 401, "{\"detail\":\"Authentication credentials were not provided.\"}");
		assertThatThrownBy(() -> this.client.getProject(WS, this.web))
			.isInstanceOf(TaskerCredentialRejectedException.class);
	}

	@Test
	void readWhenServerAnswers500ThenUnavailableWithSafeMessage() {
		this.sandbox.failNext(1, 500, "{\"error\":\"Something went wrong please try again later\"}");
		assertThatThrownBy(() -> this.client.getProject(WS, this.web)).isInstanceOf(TaskerUnavailableException.class)
			.hasMessage("Tasker is unavailable");
	}

	@Test
	void readWhenBodiesHaveOtherShapesThenMapped() {
		this.sandbox.failNext(1, 404, "{\"message\":\"Activity not found.\",\"code\":\"NOT_FOUND\"}");
		assertThatThrownBy(() -> this.client.getProject(WS, this.web)).isInstanceOf(TaskerNotFoundException.class);
		this.sandbox.failNext(1, 400, "{\"error\":\"The payload is not valid\"}");
		assertThatThrownBy(() -> this.client.getProject(WS, this.web)).isInstanceOfSatisfying(
				TaskerInvalidRequestException.class, (ex) -> assertThat(ex.fieldErrors()).containsKey("error"));
		this.sandbox.failNext(1, 413, "{\"error\":\"REQUEST_BODY_TOO_LARGE\",\"detail\":\"too big\"}");
		assertThatThrownBy(() -> this.client.getProject(WS, this.web))
			.isInstanceOf(TaskerInvalidRequestException.class);
		this.sandbox.failNext(1, 400, "{\"non_field_errors\":[\"Start date cannot exceed target date\"]}");
		assertThatThrownBy(() -> this.client.getProject(WS, this.web)).isInstanceOfSatisfying(
				TaskerInvalidRequestException.class,
				(ex) -> assertThat(ex.fieldErrors()).containsKey("non_field_errors"));
		this.sandbox.failNext(1, 502, "<html>bad gateway</html>");
		assertThatThrownBy(() -> this.client.getProject(WS, this.web)).isInstanceOf(TaskerUnavailableException.class);
		this.sandbox.failNext(1, 301, "");
		assertThatThrownBy(() -> this.client.getProject(WS, this.web)).isInstanceOf(TaskerUnavailableException.class);
	}

	// §1, §9 item 10: 429 with Retry-After
	@Test
	void callWhenServerAnswers429ThenRetriesAfterRetryAfter() {
		try (TaskerSandbox limited = TaskerSandbox
			.start(SandboxOptions.forTests().withRateLimit(2, Duration.ofSeconds(1)))) {
			// The client's own budget is far above the sandbox's, so only Tasker's 429
			// slows it.
			PlaneTaskerClient retrying = client(limited, fastOptions().withRetries(2, Duration.ofSeconds(5)));
			UUID project = limited.projectId("WEB");
			long start = System.nanoTime();
			for (int i = 0; i < 3; i++) {
				assertThat(retrying.getProject(WS, project).identifier()).isEqualTo("WEB");
			}
			assertThat(retrying.stats().rateLimitedAnswers()).isEqualTo(1);
			assertThat(limited.journal()).extracting(JournalEntry::status).containsExactly(200, 200, 429, 200);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(900),
					Duration.ofSeconds(3));
		}
	}

	@Test
	void callWhenRealSandboxLimitSpentThenRateLimitedWithRetryAfter() {
		try (TaskerSandbox limited = TaskerSandbox
			.start(SandboxOptions.forTests().withRateLimit(2, Duration.ofSeconds(30)))) {
			PlaneTaskerClient noRetry = client(limited, fastOptions().withRetries(0, Duration.ofSeconds(1))
				.withRateBudget(1000, Duration.ofMinutes(1), Duration.ofSeconds(1)));
			UUID project = limited.projectId("WEB");
			noRetry.getProject(WS, project);
			noRetry.getProject(WS, project);
			assertThatThrownBy(() -> noRetry.getProject(WS, project)).isInstanceOfSatisfying(
					TaskerRateLimitedException.class, (ex) -> assertThat(ex.retryAfter()).isPositive());
		}
	}

	@Test
	void burstWhenBudgetMatchesSandboxLimitThenCallersWaitAndNone429() {
		try (TaskerSandbox limited = TaskerSandbox
			.start(SandboxOptions.forTests().withRateLimit(10, Duration.ofSeconds(1)))) {
			PlaneTaskerClient budgeted = client(limited, fastOptions().withRetries(0, Duration.ofSeconds(1))
				.withRateBudget(10, Duration.ofSeconds(1), Duration.ofSeconds(10)));
			UUID project = limited.projectId("WEB");
			for (int i = 0; i < 25; i++) {
				budgeted.getProject(WS, project);
			}
			assertThat(limited.journal()).allSatisfy((e) -> assertThat(e.status()).isEqualTo(200));
			assertThat(budgeted.stats().permitWaits()).isPositive();
			assertThat(budgeted.stats().rateLimitedAnswers()).isZero();
		}
	}

	// timeouts, outcome unknown, circuit breaker
	@Test
	void readWhenTaskerSlowThenUnavailableWithinTimeLimit() {
		PlaneTaskerClient quick = client(this.sandbox,
				fastOptions().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)));
		this.sandbox.addLatency(Duration.ofSeconds(2));
		long start = System.nanoTime();
		assertThatThrownBy(() -> quick.getProject(WS, this.web)).isInstanceOf(TaskerUnavailableException.class)
			.hasMessage("Tasker is unavailable");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void readWhenTheBodyStallsAfterTheHeadersThenUnavailableWithinTimeLimit() throws Exception {
		try (StallingServer stalling = new StallingServer()) {
			PlaneTaskerClient quick = quickClient(stalling.baseUrl());
			long start = System.nanoTime();
			assertThatThrownBy(() -> quick.getProject(WS, this.web)).isInstanceOf(TaskerUnavailableException.class)
				.hasMessage("Tasker is unavailable");
			// The request timeout stopped counting at the headers; the body's deadline
			// ended the exchange.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250),
					Duration.ofMillis(1500));
			assertThat(stalling.headersSent()).isEqualTo(1);
			assertThat(BodyDeadlines.watched()).isZero();
		}
	}

	@Test
	void writeWhenTheBodyStallsAfterTheHeadersThenOutcomeUnknown() throws Exception {
		try (StallingServer stalling = new StallingServer()) {
			PlaneTaskerClient quick = quickClient(stalling.baseUrl());
			assertThatThrownBy(() -> quick.createWorkItem(WS, this.web, draft(), REF))
				.isInstanceOf(TaskerOutcomeUnknownException.class);
			assertThat(stalling.headersSent()).isEqualTo(1);
		}
	}

	@Test
	void exchangesWhenAnsweredThenNoThreadIsStartedAndNoBodyIsLeftWatched() {
		this.client.getProject(WS, this.web);
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long before = threads.getTotalStartedThreadCount();
		for (int i = 0; i < 50; i++) {
			this.client.getProject(WS, this.web);
		}
		// sendAsync would complete each answer through CompletableFuture's default
		// executor: a new thread per answer on two CPUs or fewer. The sandbox's own
		// pool may start a thread or two.
		assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(10);
		assertThat(BodyDeadlines.watched()).isZero();
	}

	/** A client with a 300 ms time limit, for a server that is not the sandbox. */
	private PlaneTaskerClient quickClient(URI baseUrl) {
		return PlaneTaskerClient.builder(baseUrl, "plane_api_stall")
			.options(fastOptions().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)))
			.membershipSource(this.memberships)
			.build();
	}

	/**
	 * A server that answers every request with headers and the start of a body, then
	 * sends nothing more until it is closed.
	 */
	private static final class StallingServer implements AutoCloseable {

		private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());

		private final List<Socket> open = new CopyOnWriteArrayList<>();

		private final AtomicInteger headersSent = new AtomicInteger();

		private final Thread acceptor = new Thread(this::serve, "stalling-server");

		StallingServer() throws IOException {
			this.acceptor.setDaemon(true);
			this.acceptor.start();
		}

		URI baseUrl() {
			return URI.create("http://127.0.0.1:" + this.server.getLocalPort());
		}

		int headersSent() {
			return this.headersSent.get();
		}

		private void serve() {
			try {
				while (true) {
					Socket socket = this.server.accept();
					this.open.add(socket);
					BufferedReader in = new BufferedReader(
							new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
					for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
						// the request head; a body, if any, is left unread
					}
					socket.getOutputStream()
						.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
								+ "{\"id\":")
							.getBytes(StandardCharsets.US_ASCII));
					socket.getOutputStream().flush();
					this.headersSent.incrementAndGet();
				}
			}
			catch (IOException ex) {
				// closed
			}
		}

		@Override
		public void close() throws IOException {
			this.server.close();
			for (Socket socket : this.open) {
				socket.close();
			}
		}

	}

	@Test
	void writeWhenTaskerSlowThenOutcomeUnknown() {
		this.client.getProject(WS, this.web);
		PlaneTaskerClient quick = client(this.sandbox,
				fastOptions().withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300)));
		quick.listWorkItems(WS, this.web, PageRequest.first(1));
		this.sandbox.addLatency(Duration.ofSeconds(1));
		assertThatThrownBy(() -> quick.createWorkItem(WS, this.web, draft(), REF))
			.isInstanceOf(TaskerOutcomeUnknownException.class);
	}

	@Test
	void writeWhenConnectionResetAfterApplyThenOutcomeUnknownAndReconcilable() {
		this.client.listWorkItems(WS, this.web, PageRequest.first(1));
		this.sandbox.resetAfterNextWrites(1);
		assertThatThrownBy(() -> this.client.createWorkItem(WS, this.web, draft(), REF))
			.isInstanceOf(TaskerOutcomeUnknownException.class)
			.hasMessage("The Tasker write may or may not have been applied");
		// Reconciliation of security.md: the idempotent create finds the applied write.
		TaskerWorkItem found = this.client.createWorkItemIdempotently(WS, this.web, draft(), REF);
		assertThat(found.externalId()).isEqualTo("req-1");
		assertThat(this.sandbox.journal().stream().filter((e) -> e.method().equals("POST"))).hasSize(1);
	}

	@Test
	void callWhenFailuresRepeatThenCircuitOpensAndLaterCloses() throws Exception {
		PlaneTaskerClient breaker = client(this.sandbox, fastOptions().withCircuit(50, 4, Duration.ofMillis(500)));
		this.sandbox.failNext(4, 503, "");
		for (int i = 0; i < 4; i++) {
			assertThatThrownBy(() -> breaker.getProject(WS, this.web)).isInstanceOf(TaskerUnavailableException.class);
		}
		int before = this.sandbox.journal().size();
		assertThatThrownBy(() -> breaker.getProject(WS, this.web)).isInstanceOf(TaskerUnavailableException.class);
		assertThat(this.sandbox.journal()).hasSize(before);
		assertThat(breaker.stats().circuitState()).isEqualTo("OPEN");
		Thread.sleep(600);
		assertThat(breaker.getProject(WS, this.web).identifier()).isEqualTo("WEB");
		assertThat(breaker.stats().circuitState()).isEqualTo("CLOSED");
	}

	@Test
	void callWhenNothingListensThenUnavailable() {
		int port = this.sandbox.port();
		this.sandbox.close();
		PlaneTaskerClient dead = PlaneTaskerClient.builder(URI.create("http://127.0.0.1:" + port), "k")
			.options(fastOptions())
			.build();
		assertThatThrownBy(() -> dead.createWorkItem(WS, this.web, draft(), REF)).isInstanceOf(TaskerException.class)
			.isNotInstanceOf(TaskerAlreadyExistsException.class);
		this.sandbox = TaskerSandbox.start(SandboxOptions.forTests());
	}

	private static WorkItemDraft draft() {
		return WorkItemDraft.builder("From the gateway").descriptionHtml("<p>body</p>").build();
	}

	private JournalEntry lastWrite() {
		List<JournalEntry> writes = this.sandbox.journal().stream().filter(JournalEntry::isWrite).toList();
		return writes.get(writes.size() - 1);
	}

	private static void assertForbiddenKeysAbsent(String body) {
		for (String key : List.of("archived_at", "deleted_at", "is_draft", "sequence_id", "sort_order", "created_by",
				"created_at", "completed_at", "\"project\"", "\"workspace\"")) {
			assertThat(body).doesNotContain(key);
		}
	}

}
