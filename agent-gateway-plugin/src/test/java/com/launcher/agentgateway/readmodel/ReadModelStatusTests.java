package com.launcher.agentgateway.readmodel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ReadModelStatusTests {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	private final ReadModelStore store = mock(ReadModelStore.class);

	private final WebhookDeliveryCounts deliveries = new WebhookDeliveryCounts();

	private final ReadModelStatus status = new ReadModelStatus(this.store, this.deliveries,
			Clock.fixed(NOW, ZoneOffset.UTC), true);

	@Test
	void projectsWhenCopiedFillingAndReleasedThenReleasedLeftOutAndLagSinceAsOf() {
		CopiedProject web = project("WEB", true, NOW.minusSeconds(42), null);
		CopiedProject ops = project("OPS", false, null, null);
		CopiedProject gone = project("OLD", true, NOW.minusSeconds(5), NOW.minusSeconds(60));
		when(this.store.projects()).thenReturn(List.of(web, gone, ops));

		List<ProjectSync> projects = this.status.projects();

		assertThat(projects).extracting(ProjectSync::identifier).containsExactly("OPS", "WEB");
		assertThat(projects.get(0).lagSeconds()).isNull();
		assertThat(projects.get(1).lagSeconds()).isEqualTo(42L);
		assertThat(projects.get(1).filled()).isTrue();
	}

	@Test
	void maxLagSecondsWhenSomeProjectsFilledThenTheLargestAndWhenNoneThenNoData() {
		when(this.store.projects()).thenReturn(List.of(project("OPS", false, null, null)));
		assertThat(this.status.maxLagSeconds()).isNull();

		when(this.store.projects()).thenReturn(List.of(project("WEB", true, NOW.minusSeconds(7), null),
				project("OPS", true, NOW.minusSeconds(95), null), project("OLD", true, NOW.minusSeconds(900), NOW)));
		// A released project is no longer kept current: its lag would alert for nothing.
		assertThat(this.status.maxLagSeconds()).isEqualTo(95L);
	}

	@Test
	void deliveriesWhenRecordedThenCountedByVerdictAndByAcceptance() {
		this.deliveries.record(WebhookVerdict.APPLIED);
		this.deliveries.record(WebhookVerdict.APPLIED);
		this.deliveries.record(WebhookVerdict.UNCHANGED);
		this.deliveries.record(WebhookVerdict.BAD_SIGNATURE);
		this.deliveries.record(WebhookVerdict.REPLAYED);

		assertThat(this.status.deliveries().count(WebhookVerdict.APPLIED)).isEqualTo(2);
		assertThat(this.status.deliveries().count(WebhookVerdict.STALE)).isZero();
		assertThat(this.status.deliveries().accepted()).isEqualTo(3);
		assertThat(this.status.deliveries().rejected()).isEqualTo(2);
	}

	private static CopiedProject project(String identifier, boolean filled, Instant asOf, Instant releasedAt) {
		return new CopiedProject(UUID.randomUUID(), "demo", identifier, filled, asOf, asOf, asOf, null, asOf,
				releasedAt);
	}

}
