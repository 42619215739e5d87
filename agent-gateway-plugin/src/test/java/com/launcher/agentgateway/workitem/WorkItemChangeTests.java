package com.launcher.agentgateway.workitem;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Recognising an earlier write of ours when a retry reconciles, and what a change may be.
 */
class WorkItemChangeTests {

	private final WorkItem card = TestWorkItems.card("Fix login", "Body");

	@Test
	void isReflectedInWhenEveryFieldShownThenTrue() {
		WorkItemChange change = new WorkItemChange("Fix login", "ignored", Priority.MEDIUM, this.card.stateId(),
				List.copyOf(this.card.assigneeIds()), List.copyOf(this.card.labelIds()), this.card.parentId(),
				this.card.startDate(), this.card.targetDate(), false, false, false);
		assertThat(change.isReflectedIn(this.card)).isTrue();
		assertThat(nothing().isReflectedIn(this.card)).isTrue();
	}

	@Test
	void isReflectedInWhenAnyFieldDiffersThenFalse() {
		assertThat(change("Other", null, null, null).isReflectedIn(this.card)).isFalse();
		assertThat(change(null, Priority.URGENT, null, null).isReflectedIn(this.card)).isFalse();
		assertThat(change(null, null, UUID.randomUUID(), null).isReflectedIn(this.card)).isFalse();
		assertThat(change(null, null, null, List.of(UUID.randomUUID())).isReflectedIn(this.card)).isFalse();
		assertThat(new WorkItemChange(null, null, null, null, null, List.of(), null, null, null, false, false, false)
			.isReflectedIn(this.card)).isFalse();
		assertThat(new WorkItemChange(null, null, null, null, null, null, null, null, null, true, false, false)
			.isReflectedIn(this.card)).isFalse();
		assertThat(new WorkItemChange(null, null, null, null, null, null, null, LocalDate.of(2020, 1, 1), null, false,
				false, false)
			.isReflectedIn(this.card)).isFalse();
		assertThat(new WorkItemChange(null, null, null, null, null, null, null, null, null, false, false, true)
			.isReflectedIn(this.card)).isFalse();
	}

	@Test
	void isReflectedInWhenTheTitleWasWrittenInertThenTheInertFormMatches() {
		WorkItem written = TestWorkItems.card("a \u2039b\u203a", "");
		assertThat(change("a <b>\u200b", null, null, null).isReflectedIn(written)).isTrue();
	}

	@Test
	void constructorWhenTitleBlankThenValidationFailedNamingIt() {
		assertThatExceptionOfType(GatewayException.class).isThrownBy(() -> change(" ", null, null, null))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(ErrorCode.VALIDATION_FAILED);
				assertThat(ex.field()).isEqualTo("title");
			});
	}

	@Test
	void newWorkItemWhenStartAfterTargetThenValidationFailedNamingStartDate() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> new NewWorkItem("t", null, null, null, null, null, null, LocalDate.of(2026, 2, 2),
					LocalDate.of(2026, 2, 1)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("start_date"));
		assertThat(new NewWorkItem("t", null, null, null, null, null, null, null, null).assigneeIds()).isEmpty();
	}

	private static WorkItemChange nothing() {
		return change(null, null, null, null);
	}

	private static WorkItemChange change(String title, Priority priority, UUID state, List<UUID> assignees) {
		return new WorkItemChange(title, null, priority, state, assignees, null, null, null, null, false, false, false);
	}

}
