package com.launcher.agentgateway.tasker;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.readmodel.CopiedProject;
import com.launcher.agentgateway.readmodel.CopySearch;
import com.launcher.agentgateway.readmodel.GrantedProject;
import com.launcher.agentgateway.readmodel.ReadModelSettings;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemSearch;
import com.launcher.agentgateway.workitem.WorkItemSearch.Source;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The search port over the copy: it never reaches Tasker, it answers honestly when there
 * is no copy or none ready yet, it searches only the ready projects of those it is given
 * (asking for the others to be filled), and its cursor goes from page to page.
 */
class ReadModelSearchTests {

	private static final Instant OLDER = Instant.parse("2030-01-01T00:00:00Z");

	private static final Instant NEWER = OLDER.plusSeconds(30);

	private final CopySearch copy = mock(CopySearch.class);

	private final ReadModelStore store = mock(ReadModelStore.class);

	private final AtomicInteger kicks = new AtomicInteger();

	private final UUID agent = UUID.randomUUID();

	private final Grant web = TestGrants.read(this.agent, "WEB");

	private final Grant ops = TestGrants.write(this.agent, "OPS");

	private final WorkItemSearch.Query query = new WorkItemSearch.Query("login", null, null);

	@Test
	void searchWhenTheReadModelIsOffThenRefusedAsDisabledWithoutTouchingAnything() {
		ReadModelSearch search = search(false);

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> search.search(List.of(this.web), this.query, new Page.Request(null, 10)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEARCH_DISABLED));
		verifyNoInteractions(this.copy, this.store);
	}

	@Test
	void searchWhenNoProjectIsFilledYetThenRefusedAsNotReadyAndTheFillIsAskedFor() {
		given(this.store.projects(List.of(this.web.projectId()))).willReturn(List.of());

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> search(true).search(List.of(this.web), this.query, new Page.Request(null, 10)))
			.satisfies((ex) -> {
				assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEARCH_NOT_READY);
				assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(5));
			});
		verify(this.store).track(new GrantedProject("acme", this.web.projectId(), "WEB"));
		assertThat(this.kicks).hasValue(1);
		verify(this.copy, never()).search(any());
	}

	@Test
	void searchWhenOneProjectIsReadyThenOnlyItIsSearchedTheOtherIsNamedAndAsOfIsTheOldest() {
		given(this.store.projects(List.of(this.web.projectId(), this.ops.projectId())))
			.willReturn(List.of(filled(this.web, OLDER)));
		given(this.copy.search(any())).willReturn(List.of(found(this.web, 0.5f)));

		WorkItemSearch.Found found = search(true).search(List.of(this.web, this.ops), this.query,
				new Page.Request(null, 10));

		ArgumentCaptor<CopySearch.Query> asked = ArgumentCaptor.forClass(CopySearch.Query.class);
		verify(this.copy).search(asked.capture());
		assertThat(asked.getValue().projectIds()).containsExactly(this.web.projectId());
		assertThat(asked.getValue().limit()).isEqualTo(11);
		assertThat(found.notSearched()).containsExactly(this.ops.projectId());
		assertThat(found.page().asOf()).contains(OLDER);
		assertThat(found.page().nextCursor()).isEmpty();
		assertThat(this.kicks).hasValue(1);
	}

	@Test
	void searchWhenAProjectIsStillFillingThenNotReadyWithoutWritingItsRowAgain() {
		given(this.store.projects(List.of(this.web.projectId()))).willReturn(List.of(filling(this.web, null)));

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> search(true).search(List.of(this.web), this.query, new Page.Request(null, 10)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEARCH_NOT_READY));
		verify(this.store, never()).track(any());
		assertThat(this.kicks).hasValue(1);
	}

	@Test
	void searchWhenAProjectWasReleasedOrRenamedThenItIsTrackedAgain() {
		Grant renamed = TestGrants.read(this.agent, "APP");
		given(this.store.projects(List.of(this.web.projectId(), renamed.projectId())))
			.willReturn(List.of(filling(this.web, OLDER), new CopiedProject(renamed.projectId(), renamed.workspace(),
					"OLD", false, null, null, null, null, null, null)));

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> search(true).search(List.of(this.web, renamed), this.query, new Page.Request(null, 10)));
		verify(this.store).track(new GrantedProject("acme", this.web.projectId(), "WEB"));
		verify(this.store).track(new GrantedProject("acme", renamed.projectId(), "APP"));
	}

	@Test
	void searchWhenMoreHitsThanTheLimitThenTheCursorStartsTheNextPageAfterTheLastHit() {
		given(this.store.projects(List.of(this.web.projectId()))).willReturn(List.of(filled(this.web, NEWER)));
		CopySearch.Found first = found(this.web, 0.25f);
		given(this.copy.search(any())).willReturn(List.of(first, found(this.web, 0.125f)));
		ReadModelSearch search = search(true);

		String cursor = search.search(List.of(this.web), this.query, new Page.Request(null, 1))
			.page()
			.nextCursor()
			.orElseThrow();
		search.search(List.of(this.web), this.query, new Page.Request(cursor, 1));

		ArgumentCaptor<CopySearch.Query> asked = ArgumentCaptor.forClass(CopySearch.Query.class);
		verify(this.copy, org.mockito.Mockito.times(2)).search(asked.capture());
		assertThat(asked.getAllValues().get(1).after()).isEqualTo(new CopySearch.Key(0.25f, first.hit().item().id()));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> search.search(List.of(this.web), this.query, new Page.Request("rs:NaN:x", 1)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("cursor"));
	}

	@Test
	void queryWhenBlankOrTooLongThenRefusedAsInvalid() {
		for (String text : List.of(" ", "x".repeat(201))) {
			assertThatExceptionOfType(GatewayException.class)
				.isThrownBy(() -> new WorkItemSearch.Query(text, Set.of(), null))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("query"));
		}
	}

	private ReadModelSearch search(boolean enabled) {
		ReadModelSettings defaults = ReadModelSettings.defaults();
		ReadModelSettings settings = new ReadModelSettings(enabled, defaults.syncInterval(), defaults.sweepInterval(),
				defaults.metaInterval(), defaults.commentsBound(), defaults.purgeAfter(), defaults.webhookMaxAge(),
				defaults.webhookMaxBytes());
		return new ReadModelSearch(this.copy, this.store, settings, this.kicks::incrementAndGet);
	}

	private static CopiedProject filled(Grant grant, Instant asOf) {
		return new CopiedProject(grant.projectId(), grant.workspace(), grant.projectIdentifier(), true, asOf, asOf,
				asOf, null, asOf, null);
	}

	private static CopiedProject filling(Grant grant, Instant releasedAt) {
		return new CopiedProject(grant.projectId(), grant.workspace(), grant.projectIdentifier(), false, null, null,
				null, null, null, releasedAt);
	}

	private static CopySearch.Found found(Grant grant, float rank) {
		WorkItem item = new WorkItem(UUID.randomUUID(), grant.projectId(), 1, "Login bug", "", Priority.NONE, null,
				List.of(), List.of(), null, null, null, null, null, null, null, null);
		return new CopySearch.Found(
				new WorkItemSearch.Hit(item, Set.of(Source.TITLE), "**Login** bug", Source.TITLE, null, null), rank);
	}

}
