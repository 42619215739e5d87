package com.launcher.agentgateway.call;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditEvent.Outcome;
import com.launcher.agentgateway.audit.AuditLog;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Access;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TaskerProjects.Membership;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.idempotency.IdempotencyService;
import com.launcher.agentgateway.idempotency.InMemoryIdempotencyStore;
import com.launcher.agentgateway.persistence.LoggedLines;
import com.launcher.agentgateway.persistence.SqlFailures;
import com.launcher.agentgateway.policy.PolicyService;
import com.launcher.agentgateway.policy.TestPolicies;
import com.launcher.agentgateway.ratelimit.RateLimiter;
import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.token.AgentPrincipal;
import com.launcher.agentgateway.workitem.WorkItems;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willCallRealMethod;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The order of the checks, what each refusal spends and leaves, and the one audit event
 * of every call.
 */
class CallPipelineTests {

	private static final Instant NOW = Instant.parse("2026-12-01T22:00:00Z");

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	private final AuditLog audit = mock(AuditLog.class);

	private final PolicyService policies = mock(PolicyService.class);

	private final RateLimiter rateLimiter = mock(RateLimiter.class);

	private final WriteBudget budget = mock(WriteBudget.class);

	private final WorkItems workItems = mock(WorkItems.class);

	private final UUID agentId = UUID.randomUUID();

	private final Grant web = TestGrants.write(this.agentId, "WEB");

	private final Grant ops = TestGrants.read(this.agentId, "OPS");

	private final AtomicInteger toolRuns = new AtomicInteger();

	private final List<CallObserver.CallReport> reports = new CopyOnWriteArrayList<>();

	private CallObserver observer = this.reports::add;

	private Function<ToolRequest, ToolResult> work = (request) -> ToolResult.of(Map.of("ok", true));

	@BeforeEach
	void setUp() {
		given(this.policies.current()).willReturn(TestPolicies.defaults());
		given(this.rateLimiter.tryAcquire(any(), any())).willReturn(RateLimiter.Decision.ALLOWED);
		given(this.budget.tryConsume(any(), any(), anyInt())).willReturn(true);
		given(this.workItems.ownerMembership(any(), any())).willReturn(Membership.MEMBER);
		// The port's own rule turns an answer into a refusal: keep it, stub the answer.
		willCallRealMethod().given(this.workItems).requireOwnerMembership(any(), any());
	}

	@Test
	void callWhenWriteToolAndNoWriteGrantThenUnknownToolOneDeniedEventAndNothingSpent() {
		AgentPrincipal reader = principal(List.of(this.ops));

		assertRefused(() -> pipeline().call(reader, tool("add_comment", true), Map.of("evil", 1), "2025-06-18"),
				ErrorCode.TOOL_NOT_AVAILABLE);

		assertThat(event()).satisfies((e) -> {
			assertThat(e.action()).isEqualTo("tool.add_comment");
			assertThat(e.outcome()).isEqualTo(Outcome.DENIED);
			assertThat(e.reason()).isEqualTo("tool_not_available");
			assertThat(e.agentId()).isEqualTo(this.agentId);
			assertThat(e.ownerUserId()).isEqualTo(reader.ownerUserId());
		});
		verifyNoInteractions(this.rateLimiter, this.budget, this.workItems);
		assertThat(this.toolRuns).hasValue(0);
	}

	@Test
	void callWhenArgumentsInvalidThenValidationFailedInertAndBoundedAndNoLimitSpent() {
		GatewayException refused = assertRefused(
				() -> pipeline((schema, args) -> Optional.of("<b>" + "x".repeat(900)))
					.call(principal(List.of(this.web)), tool("list_states", false), args(this.web), null),
				ErrorCode.VALIDATION_FAILED);

		assertThat((String) refused.details().get("problem")).doesNotContain("<").hasSize(500);
		assertThat(event().reason()).isEqualTo("validation_failed");
		verifyNoInteractions(this.rateLimiter, this.workItems);
	}

	@Test
	void callWhenWriteWithoutIdempotencyKeyThenKeyRequiredBeforeAnyOtherCheck() {
		assertRefused(
				() -> pipeline().call(principal(List.of(this.web)), tool("add_comment", true),
						Map.of("project_id", this.web.projectId().toString()), null),
				ErrorCode.IDEMPOTENCY_KEY_REQUIRED);

		verifyNoInteractions(this.rateLimiter, this.budget, this.workItems);
	}

	@Test
	void callWhenProjectNotGrantedThenRefusedBeforeLimitsAndEventTargetsTheProject() {
		UUID other = UUID.randomUUID();

		assertRefused(() -> pipeline().call(principal(List.of(this.web)), tool("list_states", false),
				Map.of("project_id", other.toString()), null), ErrorCode.PROJECT_NOT_GRANTED);

		assertThat(event()).satisfies((e) -> {
			assertThat(e.targetType()).isEqualTo("project");
			assertThat(e.targetId()).isEqualTo(other.toString());
		});
		verifyNoInteractions(this.rateLimiter, this.workItems);
	}

	@Test
	void callWhenProjectIsNamedByIdentifierOrByAReadableCardIdThenThatGrantInAnyCase() {
		AgentPrincipal agent = principal(List.of(this.web, this.ops));
		List<Grant> seen = new ArrayList<>();
		this.work = (request) -> {
			seen.add(request.grant());
			return ToolResult.of(Map.of("ok", true));
		};

		pipeline().call(agent, tool("list_states", false), Map.of("project_id", "ops"), null);
		pipeline().call(agent, tool("get_work_item", false), Map.of("work_item_id", "web-12"), null);

		assertThat(seen).containsExactly(this.ops, this.web);
		assertThat(events(2)).extracting(AuditEvent::targetId)
			.containsExactly(this.ops.projectId().toString(), this.web.projectId().toString());
	}

	@Test
	void callWhenAnIdentifierIsNotGrantedThenAnsweredLikeAnUnknownProjectBeforeAnyTaskerCall() {
		AgentPrincipal agent = principal(List.of(this.web));

		GatewayException byName = assertRefused(
				() -> pipeline().call(agent, tool("list_states", false), Map.of("project_id", "OPS"), null),
				ErrorCode.PROJECT_NOT_GRANTED);
		GatewayException byCard = assertRefused(
				() -> pipeline().call(agent, tool("get_work_item", false), Map.of("work_item_id", "OPS-1"), null),
				ErrorCode.PROJECT_NOT_GRANTED);

		assertThat(byName.details()).isEqualTo(byCard.details()).isEmpty();
		assertThat(byName.field()).isNull();
		verifyNoInteractions(this.rateLimiter, this.workItems);
	}

	@Test
	void callWhenTwoGrantedProjectsShareTheIdentifierThenValidationListsTheirIds() {
		Grant otherWeb = new Grant(UUID.randomUUID(), this.agentId, "other", UUID.randomUUID(), "WEB", "Web",
				Access.READ, UUID.randomUUID(), TestGrants.CREATED);

		GatewayException refused = assertRefused(() -> pipeline().call(principal(List.of(this.web, otherWeb)),
				tool("list_states", false), Map.of("project_id", "WEB"), null), ErrorCode.VALIDATION_FAILED);

		assertThat(refused.field()).isEqualTo("project_id");
		assertThat(refused.details().get("valid"))
			.isEqualTo(List.of(this.web.projectId().toString(), otherWeb.projectId().toString()));
	}

	@Test
	void callWhenNeitherProjectNorReadableCardIsNamedThenValidationNamesProjectId() {
		GatewayException refused = assertRefused(() -> pipeline().call(principal(List.of(this.web)),
				tool("get_work_item", false), Map.of("work_item_id", UUID.randomUUID().toString()), null),
				ErrorCode.VALIDATION_FAILED);

		assertThat(refused.field()).isEqualTo("project_id");
		verifyNoInteractions(this.workItems);
	}

	@Test
	void callWhenWriteOnAReadGrantThenWriteNotGranted() {
		assertRefused(() -> pipeline().call(principal(List.of(this.web, this.ops)), tool("add_comment", true),
				writeArgs(this.ops), null), ErrorCode.WRITE_NOT_GRANTED);

		verifyNoInteractions(this.rateLimiter, this.budget, this.workItems);
	}

	@Test
	void callWhenOverTheRateLimitThenRetryAfterAndNoTaskerCallNorBudget() {
		given(this.rateLimiter.tryAcquire(any(), any()))
			.willReturn(new RateLimiter.Decision(false, Duration.ofMillis(1500)));

		GatewayException refused = assertRefused(() -> pipeline().call(principal(List.of(this.web)),
				tool("add_comment", true), writeArgs(this.web), null), ErrorCode.RATE_LIMITED);

		assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(1500));
		verifyNoInteractions(this.budget, this.workItems);
		assertThat(event().outcome()).isEqualTo(Outcome.DENIED);
	}

	@Test
	void callWhenWriteBudgetExhaustedThenRetryAtUtcMidnightAndNoTaskerCall() {
		given(this.budget.tryConsume(any(), any(), anyInt())).willReturn(false);

		GatewayException refused = assertRefused(() -> pipeline().call(principal(List.of(this.web)),
				tool("add_comment", true), writeArgs(this.web), null), ErrorCode.WRITE_BUDGET_EXHAUSTED);

		assertThat(refused.retryAfter()).isEqualTo(Duration.ofHours(2));
		verifyNoInteractions(this.workItems);
		verify(this.budget, never()).refund(any(), any());
	}

	@Test
	void callWhenOwnerNoLongerMemberThenRefusedAndTheBudgetGivenBack() {
		given(this.workItems.ownerMembership(any(), any())).willReturn(Membership.NOT_MEMBER);

		assertRefused(() -> pipeline().call(principal(List.of(this.web)), tool("add_comment", true),
				writeArgs(this.web), null), ErrorCode.OWNER_NOT_MEMBER);

		verify(this.budget).refund(this.agentId, TODAY);
		assertThat(this.toolRuns).hasValue(0);
	}

	@Test
	void callWhenMembershipUnknownThenRefusedFailClosed() {
		given(this.workItems.ownerMembership(any(), any())).willReturn(Membership.UNKNOWN);

		assertRefused(
				() -> pipeline().call(principal(List.of(this.web)), tool("list_states", false), args(this.web), null),
				ErrorCode.OWNER_MEMBERSHIP_UNKNOWN);
		assertThat(this.toolRuns).hasValue(0);
	}

	@Test
	void callWhenReadSucceedsThenObserverToldOnceWithToolAndSucceeded() {
		pipeline().call(principal(List.of(this.web)), tool("list_states", false), args(this.web), null);

		assertThat(this.reports).singleElement().satisfies((report) -> {
			assertThat(report.tool()).isEqualTo("list_states");
			assertThat(report.writes()).isFalse();
			assertThat(report.outcome()).isEqualTo(Outcome.SUCCEEDED);
			assertThat(report.error()).isNull();
			assertThat(report.elapsed().isNegative()).isFalse();
		});
	}

	@Test
	void callWhenRefusedThenObserverToldTheErrorTheAgentGets() {
		given(this.workItems.ownerMembership(any(), any())).willReturn(Membership.UNKNOWN);

		assertRefused(
				() -> pipeline().call(principal(List.of(this.web)), tool("list_states", false), args(this.web), null),
				ErrorCode.OWNER_MEMBERSHIP_UNKNOWN);
		assertThat(this.reports).singleElement().satisfies((report) -> {
			assertThat(report.outcome()).isEqualTo(Outcome.DENIED);
			assertThat(report.error()).isEqualTo(ErrorCode.OWNER_MEMBERSHIP_UNKNOWN);
		});
	}

	@Test
	void callWhenAuditFailsThenObserverToldServiceUnavailable() {
		willThrow(new IllegalStateException("down")).given(this.audit).append(any());

		assertRefused(
				() -> pipeline().call(principal(List.of(this.web)), tool("list_states", false), args(this.web), null),
				ErrorCode.SERVICE_UNAVAILABLE);
		assertThat(this.reports).singleElement()
			.satisfies((report) -> assertThat(report.error()).isEqualTo(ErrorCode.SERVICE_UNAVAILABLE));
	}

	@Test
	void callWhenObserverThrowsThenTheAnswerStands() {
		this.observer = (report) -> {
			throw new IllegalStateException("metrics broke");
		};

		Map<String, Object> result = pipeline().call(principal(List.of(this.web)), tool("list_states", false),
				args(this.web), null);

		assertThat(result).containsEntry("ok", true);
	}

	@Test
	void callWhenReadSucceedsThenResultAndOneEventWithProjectAndProtocolVersion() {
		Map<String, Object> result = pipeline().call(principal(List.of(this.web)), tool("list_states", false),
				args(this.web), "2025-06-18");

		assertThat(result).containsEntry("ok", true).doesNotContainKey("replayed");
		assertThat(event()).satisfies((e) -> {
			assertThat(e.action()).isEqualTo("tool.list_states");
			assertThat(e.outcome()).isEqualTo(Outcome.SUCCEEDED);
			assertThat(e.reason()).isNull();
			assertThat(e.targetId()).isEqualTo(this.web.projectId().toString());
			assertThat(e.details()).containsEntry("protocol_version", "2025-06-18").doesNotContainKey("identifier");
		});
		verifyNoInteractions(this.budget);
	}

	@Test
	void callWhenWriteSucceedsThenTheEventNamesTheCardByReadableIdAndInertTitleCutTo200() {
		UUID card = UUID.randomUUID();
		this.work = (request) -> new ToolResult(Map.of("work_item_id", card.toString()),
				new ToolResult.WrittenCard(card, "WEB-12", "Fix <login>\u202e " + "y".repeat(300)));

		Map<String, Object> result = pipeline().call(principal(List.of(this.web)), tool("add_comment", true),
				writeArgs(this.web), null);

		assertThat(result).containsEntry("replayed", false);
		assertThat(event()).satisfies((e) -> {
			assertThat(e.targetType()).isEqualTo("work_item");
			assertThat(e.targetId()).isEqualTo(card.toString());
			assertThat(e.details()).containsEntry("identifier", "WEB-12").doesNotContainKey("replayed");
			assertThat(e.details().get("title")).startsWith("Fix \u2039login\u203a y").hasSize(200);
		});
		verify(this.budget).tryConsume(this.agentId, TODAY, TestPolicies.defaults().writesPerDay());
		verify(this.budget, never()).refund(any(), any());
	}

	@Test
	void callWhenTheSameKeyComesBackThenReplayedNoSecondRunBudgetGivenBackAndTheEventNamesTheCard() {
		UUID card = UUID.randomUUID();
		this.work = (request) -> new ToolResult(Map.of("work_item_id", card.toString()),
				new ToolResult.WrittenCard(card, "WEB-3", "Title"));
		CallPipeline pipeline = pipeline();
		pipeline.call(principal(List.of(this.web)), tool("add_comment", true), writeArgs(this.web), null);

		Map<String, Object> replay = pipeline.call(principal(List.of(this.web)), tool("add_comment", true),
				writeArgs(this.web), null);

		assertThat(replay).containsEntry("replayed", true);
		assertThat(this.toolRuns).hasValue(1);
		verify(this.budget).refund(this.agentId, TODAY);
		assertThat(events(2).get(1)).satisfies((e) -> assertThat(e.details()).containsEntry("replayed", "true")
			.containsEntry("identifier", "WEB-3")
			.containsEntry("title", "Title"));
	}

	@Test
	void callWhenTheWriteOutcomeIsUnknownThenFailedEventAndTheBudgetStaysSpent() {
		this.work = (request) -> {
			throw new GatewayException(ErrorCode.OUTCOME_UNKNOWN);
		};

		assertRefused(() -> pipeline().call(principal(List.of(this.web)), tool("add_comment", true),
				writeArgs(this.web), null), ErrorCode.OUTCOME_UNKNOWN);

		assertThat(event().outcome()).isEqualTo(Outcome.FAILED);
		verify(this.budget, never()).refund(any(), any());
	}

	@Test
	void callWhenTheToolThrowsSomethingUnexpectedThenInternalErrorWithNothingOfIt() {
		this.work = (request) -> {
			throw new IllegalStateException("secret detail at com.example.Thing");
		};

		List<String> logged = LoggedLines.of(CallPipeline.class, () -> {
			GatewayException failed = assertRefused(() -> pipeline().call(principal(List.of(this.web)),
					tool("list_states", false), args(this.web), null), ErrorCode.INTERNAL);
			assertThat(failed.details()).isEmpty();
		});

		// Nor does the log get its message: the failure's type is named, no more.
		assertThat(logged).containsExactly("Tool list_states failed: IllegalStateException");
		assertThat(event()).satisfies((e) -> {
			assertThat(e.outcome()).isEqualTo(Outcome.FAILED);
			assertThat(e.reason()).isEqualTo("internal_error");
		});
	}

	@Test
	void callWhenTheAuditEventCannotBeStoredThenNoAnswerButServiceUnavailableAndTheSqlStateLogged() {
		willThrow(new QueryTimeoutException("INSERT INTO agw_audit_event … 'alice@example.com'",
				new SQLException("canceling statement due to statement timeout", "57014")))
			.given(this.audit)
			.append(any());

		List<String> logged = LoggedLines.of(CallPipeline.class, () -> assertRefused(
				() -> pipeline().call(principal(List.of(this.web)), tool("list_states", false), args(this.web), null),
				ErrorCode.SERVICE_UNAVAILABLE));

		verify(this.audit, times(1)).append(any());
		// A statement ended by its bound, not a lost connection: and none of the event.
		assertThat(logged)
			.containsExactly("Audit append failed for tool list_states: QueryTimeoutException, SQLState 57014");
	}

	@Test
	void callWhenAHiddenToolCannotBeAuditedThenItStillLooksUnknown() {
		willThrow(new IllegalStateException("database down")).given(this.audit).append(any());

		assertRefused(() -> pipeline().call(principal(List.of(this.ops)), tool("add_comment", true), Map.of(), null),
				ErrorCode.TOOL_NOT_AVAILABLE);
	}

	@Test
	void admitWhenOverTheLimitThenRateLimitedWithTheBucketsRetryAfter() {
		given(this.rateLimiter.tryAcquire(any(), any()))
			.willReturn(new RateLimiter.Decision(false, Duration.ofSeconds(7)));

		GatewayException refused = assertRefused(() -> pipeline().admit(principal(List.of())), ErrorCode.RATE_LIMITED);

		assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(7));
		verifyNoInteractions(this.audit);
	}

	@Test
	void requestWhenToolRunsThenItSeesTheCallableToolsAndTheBudgetDayOfThisCall() {
		this.work = (request) -> ToolResult.of(Map.of("tools", request.callableTools(), "day", request.day()));
		Tool whoami = tool("whoami", false, false);
		ToolCatalog catalog = new ToolCatalog(List.of(whoami, tool("add_comment", true)));

		Map<String, Object> result = pipeline(catalog, (schema, args) -> Optional.empty())
			.call(principal(List.of(this.ops)), whoami, Map.of(), null);

		assertThat(result).containsEntry("tools", List.of("whoami")).containsEntry("day", TODAY);
	}

	private CallPipeline pipeline() {
		return pipeline((schema, args) -> Optional.empty());
	}

	private CallPipeline pipeline(ArgumentValidator validator) {
		return pipeline(new ToolCatalog(List.of()), validator);
	}

	private CallPipeline pipeline(ToolCatalog catalog, ArgumentValidator validator) {
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		return new CallPipeline(catalog, this.workItems,
				new IdempotencyService(new InMemoryIdempotencyStore(), clock, Duration.ofHours(24),
						Duration.ofMinutes(2), SqlFailures::describe),
				this.policies, new CallPipeline.Limits(this.rateLimiter, this.budget), this.audit, validator,
				new KeptResults(), clock, this.observer, SqlFailures::describe);
	}

	private Tool tool(String name, boolean writes) {
		return tool(name, writes, true);
	}

	private Tool tool(String name, boolean writes, boolean projectScoped) {
		ToolDescriptor descriptor = new ToolDescriptor(name, name, "A test tool.",
				Map.of("type", "object", "additionalProperties", false), Map.of("type", "object"), writes,
				projectScoped);
		return new Tool() {

			@Override
			public ToolDescriptor descriptor() {
				return descriptor;
			}

			@Override
			public ToolResult call(ToolRequest request) {
				CallPipelineTests.this.toolRuns.incrementAndGet();
				return CallPipelineTests.this.work.apply(request);
			}

		};
	}

	private AgentPrincipal principal(List<Grant> grants) {
		return new AgentPrincipal(this.agentId, "bot", UUID.randomUUID(), "ada@example.test", "Ada", UUID.randomUUID(),
				"agw_ab…wxyz", grants, "req-1", "192.0.2.1");
	}

	private static Map<String, Object> args(Grant grant) {
		return Map.of("project_id", grant.projectId().toString());
	}

	private static Map<String, Object> writeArgs(Grant grant) {
		Map<String, Object> args = new LinkedHashMap<>(args(grant));
		args.put("idempotency_key", "key-00000001");
		return args;
	}

	private static GatewayException assertRefused(Runnable call, ErrorCode code) {
		GatewayException[] thrown = new GatewayException[1];
		assertThatExceptionOfType(GatewayException.class).isThrownBy(call::run).satisfies((ex) -> {
			assertThat(ex.errorCode()).isEqualTo(code);
			thrown[0] = ex;
		});
		return thrown[0];
	}

	private AuditEvent event() {
		return events(1).get(0);
	}

	private List<AuditEvent> events(int expected) {
		ArgumentCaptor<AuditEvent> captor = ArgumentCaptor.forClass(AuditEvent.class);
		verify(this.audit, times(expected)).append(captor.capture());
		return new ArrayList<>(captor.getAllValues());
	}

	/** Stored results kept as they are, under a handle. */
	private static final class KeptResults implements StoredResults {

		private final Map<String, ToolResult> kept = new HashMap<>();

		@Override
		public String encode(ToolResult result) {
			String handle = UUID.randomUUID().toString();
			this.kept.put(handle, result);
			return handle;
		}

		@Override
		public ToolResult decode(String stored) {
			ToolResult result = this.kept.get(stored);
			return new ToolResult(result.structured(), result.card());
		}

	}

}
