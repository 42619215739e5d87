package com.launcher.agentgateway.web;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import com.launcher.agentgateway.core.FailureNames;
import com.launcher.agentgateway.persistence.SqlFailures;
import com.launcher.agentgateway.policy.PolicyService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.mockito.Mockito.mock;

class PageContextTests {

	private final CurrentActor actor = mock(CurrentActor.class);

	private final PageDirectory directory = mock(PageDirectory.class);

	private final PolicyService policy = mock(PolicyService.class);

	private final Clock clock = Clock.systemUTC();

	private final FailureNames failures = SqlFailures::describe;

	@Test
	void constructorWhenAPartIsMissingThenRefusesNamingIt() {
		assertThatNullPointerException()
			.isThrownBy(() -> new PageContext(null, this.directory, this.policy, this.clock, this.failures))
			.withMessage("actor");
		assertThatNullPointerException()
			.isThrownBy(() -> new PageContext(this.actor, null, this.policy, this.clock, this.failures))
			.withMessage("directory");
		assertThatNullPointerException()
			.isThrownBy(() -> new PageContext(this.actor, this.directory, null, this.clock, this.failures))
			.withMessage("policy");
		assertThatNullPointerException()
			.isThrownBy(() -> new PageContext(this.actor, this.directory, this.policy, null, this.failures))
			.withMessage("clock");
		assertThatNullPointerException()
			.isThrownBy(() -> new PageContext(this.actor, this.directory, this.policy, this.clock, null))
			.withMessage("failures");
	}

	@Test
	void pageControllerWhenBuiltOnAContextThenServesPagesWithItsParts() {
		PolicyPageController page = new PolicyPageController(
				new PageContext(this.actor, this.directory, this.policy, this.clock, this.failures));

		assertThat(page.actor).isSameAs(this.actor);
		assertThat(page.directory).isSameAs(this.directory);
		assertThat(page.policy).isSameAs(this.policy);
		assertThat(page.clock).isSameAs(this.clock);
	}

}
