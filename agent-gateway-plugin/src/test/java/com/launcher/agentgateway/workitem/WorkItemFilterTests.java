package com.launcher.agentgateway.workitem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkItemFilterTests {

	private final WorkItem card = TestWorkItems.card("Fix the Login page", "Steps: open it");

	@Test
	void matchesWhenNothingIsSetThenEveryCard() {
		assertThat(new WorkItemFilter(null, null, null, null, null).matches(this.card)).isTrue();
	}

	@Test
	void matchesWhenEachSetFieldAgreesThenTheCardAndWhenOneDisagreesThenNot() {
		WorkItemFilter all = new WorkItemFilter(this.card.stateId(), this.card.assigneeIds().get(0),
				this.card.labelIds().get(0), "LOGIN", TestWorkItems.UPDATED.minusHours(1));
		assertThat(all.matches(this.card)).isTrue();
		assertThat(new WorkItemFilter(UUID.randomUUID(), null, null, null, null).matches(this.card)).isFalse();
		assertThat(new WorkItemFilter(null, UUID.randomUUID(), null, null, null).matches(this.card)).isFalse();
		assertThat(new WorkItemFilter(null, null, UUID.randomUUID(), null, null).matches(this.card)).isFalse();
		assertThat(new WorkItemFilter(null, null, null, null, TestWorkItems.UPDATED.plusSeconds(1)).matches(this.card))
			.isFalse();
	}

	@Test
	void matchesWhenTextThenCaseInsensitiveInTitleOrDescription() {
		assertThat(new WorkItemFilter(null, null, null, "steps", null).matches(this.card)).isTrue();
		assertThat(new WorkItemFilter(null, null, null, "Login Page", null).text()).isEqualTo("login page");
		assertThat(new WorkItemFilter(null, null, null, "logout", null).matches(this.card)).isFalse();
	}

}
