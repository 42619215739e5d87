package com.launcher.agentgateway.grant;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.launcher.agentgateway.grant.TaskerProjects.ProjectRef;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class CachedTaskerProjectsTests {

	private static final ProjectRef WEB = new ProjectRef("demo", UUID.randomUUID(), "WEB", "Website");

	private final TaskerProjects tasker = mock(TaskerProjects.class);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));

	private final CachedTaskerProjects projects = new CachedTaskerProjects(this.tasker, Duration.ofSeconds(30),
			this.clock);

	@Test
	void memberProjectsWhenAskedAgainWithinTheBoundThenTaskerIsAskedOnce() {
		when(this.tasker.memberProjects("alice@launcher.local", "demo")).thenReturn(List.of(WEB));

		assertThat(this.projects.memberProjects("alice@launcher.local", "demo")).containsExactly(WEB);
		this.clock.advance(Duration.ofSeconds(29));
		assertThat(this.projects.memberProjects("Alice@Launcher.local ", "demo")).containsExactly(WEB);

		verify(this.tasker, times(1)).memberProjects("alice@launcher.local", "demo");
	}

	@Test
	void memberProjectsWhenTheBoundHasPassedThenTaskerIsAskedAgain() {
		when(this.tasker.memberProjects("alice@launcher.local", "demo")).thenReturn(List.of(WEB), List.of());

		this.projects.memberProjects("alice@launcher.local", "demo");
		this.clock.advance(Duration.ofSeconds(30));

		assertThat(this.projects.memberProjects("alice@launcher.local", "demo")).isEmpty();
	}

	@Test
	void checkWhenAGrantIsMadeThenNeverKept() {
		this.projects.check("alice@launcher.local", "demo", WEB.id());
		this.projects.check("alice@launcher.local", "demo", WEB.id());

		verify(this.tasker, times(2)).check("alice@launcher.local", "demo", WEB.id());
	}

	static final class MutableClock extends java.time.Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public java.time.Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
