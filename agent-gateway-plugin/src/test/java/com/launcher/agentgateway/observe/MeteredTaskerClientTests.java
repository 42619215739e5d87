package com.launcher.agentgateway.observe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.host.api.tasker.TaskerAlreadyExistsException;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerCredentialRejectedException;
import com.launcher.host.api.tasker.TaskerForbiddenException;
import com.launcher.host.api.tasker.TaskerInvalidRequestException;
import com.launcher.host.api.tasker.TaskerNotFoundException;
import com.launcher.host.api.tasker.TaskerOutcomeUnknownException;
import com.launcher.host.api.tasker.TaskerRateLimitedException;
import com.launcher.host.api.tasker.TaskerUnavailableException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class MeteredTaskerClientTests {

	private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final TaskerClient delegate = mock(TaskerClient.class);

	private final MeteredTaskerClient metered = MeteredTaskerClient.of(this.delegate, new GatewayMetrics(this.registry),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void invokeWhenDelegateAnswersThenTimedOkUnderSnakeCaseOperation() {
		given(this.delegate.listProjects("demo")).willReturn(List.of());

		assertThat(this.metered.client().listProjects("demo")).isEmpty();

		assertThat(this.registry.get("agent_gateway.tasker.calls")
			.tags("operation", "list_projects", "status", "ok")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.metered.lastCall()).isEqualTo(new MeteredTaskerClient.LastCall("list_projects", "ok", NOW));
		assertThat(this.metered.lastCall().reached()).isTrue();
	}

	@Test
	void invokeWhenDelegateThrowsThenSameExceptionAndStatusFromItsType() {
		UUID project = UUID.randomUUID();
		TaskerNotFoundException notFound = new TaskerNotFoundException();
		given(this.delegate.getProject("demo", project)).willThrow(notFound);
		given(this.delegate.listProjects("demo")).willThrow(new TaskerUnavailableException());

		assertThatThrownBy(() -> this.metered.client().getProject("demo", project)).isSameAs(notFound);
		assertThat(this.metered.lastCall().reached()).as("a 404 is an answer").isTrue();
		assertThatThrownBy(() -> this.metered.client().listProjects("demo"))
			.isInstanceOf(TaskerUnavailableException.class);

		assertThat(this.registry.get("agent_gateway.tasker.calls")
			.tags("operation", "get_project", "status", "not_found")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("agent_gateway.tasker.calls")
			.tags("operation", "list_projects", "status", "unavailable")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.metered.lastCall().reached()).isFalse();
	}

	@Test
	void statusOfWhenEachFailureOfTheContractThenItsLabelAndAnythingElseIsError() {
		Map<Throwable, String> labels = new LinkedHashMap<>();
		labels.put(new TaskerNotFoundException(), "not_found");
		labels.put(new TaskerForbiddenException(), "forbidden");
		labels.put(new TaskerInvalidRequestException(Map.of()), "invalid_request");
		labels.put(new TaskerAlreadyExistsException(UUID.randomUUID()), "already_exists");
		labels.put(new TaskerRateLimitedException(Duration.ofSeconds(1)), "rate_limited");
		labels.put(new TaskerCredentialRejectedException(), "credential_rejected");
		labels.put(new TaskerOutcomeUnknownException(new IllegalStateException()), "outcome_unknown");
		labels.put(new TaskerUnavailableException(), "unavailable");
		labels.put(new IllegalStateException(), "error");

		labels.forEach((failure, label) -> assertThat(MeteredTaskerClient.statusOf(failure))
			.as(failure.getClass().getSimpleName())
			.isEqualTo(label));
	}

}
