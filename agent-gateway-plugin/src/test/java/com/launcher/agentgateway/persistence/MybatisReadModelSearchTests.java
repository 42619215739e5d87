package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.grant.Grant;
import com.launcher.agentgateway.grant.TestGrants;
import com.launcher.agentgateway.readmodel.CardCopy;
import com.launcher.agentgateway.readmodel.CommentCopy;
import com.launcher.agentgateway.readmodel.CopySearch;
import com.launcher.agentgateway.readmodel.GrantedProject;
import com.launcher.agentgateway.readmodel.ReadModelSettings;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.tasker.ReadModelSearch;
import com.launcher.agentgateway.workitem.Comment;
import com.launcher.agentgateway.workitem.Page;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemSearch;
import com.launcher.agentgateway.workitem.WorkItemSearch.Hit;
import com.launcher.agentgateway.workitem.WorkItemSearch.Source;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The search statement on PostgreSQL: titles, descriptions and copied comments are found
 * and ranked title first, each hit says where it matched, snippets are bounded and
 * marked, the agent's text is only ever words (never tsquery syntax), other projects stay
 * out, filters apply, and pages follow each other without a repeat.
 */
class MybatisReadModelSearchTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private final UUID project = UUID.randomUUID();

	private final UUID other = UUID.randomUUID();

	private final ReadModelStore store = new MybatisReadModelStore(TestDatabase.sessions(DATABASE.dataSource()));

	private final CopySearch search = new MybatisReadModelSearch(TestDatabase.sessions(DATABASE.dataSource()));

	private final UUID bob = UUID.randomUUID();

	private final UUID agent = UUID.randomUUID();

	private WorkItem inTitle;

	private WorkItem inDescription;

	private WorkItem inComment;

	@BeforeEach
	void fill() {
		this.store.track(new GrantedProject("demo", this.project, "WEB"));
		this.store.track(new GrantedProject("demo", this.other, "OPS"));
		this.inTitle = card(this.project, 1, "Login bug on Safari", "", null, 1);
		this.inDescription = card(this.project, 2, "Footer links",
				"Steps: open the page, then the login form crashes after the footer loads.", null, 2);
		this.inComment = card(this.project, 3, "Slow dashboard", "charts take ages", null, 3);
		WorkItem unrelated = card(this.project, 4, "Header colour", "blue", null, 4);
		WorkItem elsewhere = card(this.other, 1, "Login outage", "login is down", null, 5);
		this.store.saveCards(this.project,
				List.of(copy(this.inTitle), copy(this.inDescription), copy(this.inComment), copy(unrelated)), T0);
		this.store.saveCards(this.other, List.of(copy(elsewhere)), T0);
		comment(this.project, this.inComment, "Could be the login token refresh, says bob.", this.bob, this.agent);
		comment(this.other, elsewhere, "login again", null, null);
	}

	@Test
	void searchWhenWordsAreInTitleDescriptionOrCommentThenEachIsFoundTitleFirstWithWhereItMatched() {
		List<CopySearch.Found> found = search("login", null, null, null, 10);

		assertThat(found).extracting((f) -> f.hit().item().id())
			.containsExactly(this.inTitle.id(), this.inDescription.id(), this.inComment.id());
		Hit title = found.get(0).hit();
		assertThat(title.matchedIn()).containsExactly(Source.TITLE);
		assertThat(title.snippetFrom()).isEqualTo(Source.TITLE);
		assertThat(title.snippet()).contains("**Login** bug");
		Hit description = found.get(1).hit();
		assertThat(description.matchedIn()).containsExactly(Source.DESCRIPTION);
		assertThat(description.snippet()).contains("**login**").doesNotContain("<b>");
		Hit comment = found.get(2).hit();
		assertThat(comment.matchedIn()).containsExactly(Source.COMMENT);
		assertThat(comment.snippetFrom()).isEqualTo(Source.COMMENT);
		assertThat(comment.snippet()).contains("**login**");
		assertThat(comment.snippetAuthorId()).as("the comment's author, not the card's").isEqualTo(this.bob);
		assertThat(comment.snippetWrittenByAgent()).isEqualTo(this.agent);
		assertThat(found.get(0).rank()).isGreaterThan(found.get(1).rank());
	}

	@Test
	void searchWhenTheTextHoldsQuerySyntaxThenItIsOnlyWordsAndNothingFails() {
		for (String text : List.of("login & !bug", "login:* | (footer", "'; DROP TABLE agw_rm_card; --", "<->", "!!!",
				"\u0000login", "\"unterminated", "or", "-", "a:*&b")) {
			assertThatCode(() -> search(text, null, null, null, 10)).as(text).doesNotThrowAnyException();
		}
		assertThat(search("login -bug", null, null, null, 10)).as("websearch negation")
			.extracting((f) -> f.hit().item().id())
			.containsExactlyInAnyOrder(this.inDescription.id(), this.inComment.id());
		assertThat(search("login:*", null, null, null, 10)).as(":* is not a prefix operator here").hasSize(3);
		assertThat(search("logi", null, null, null, 10)).as("whole words, no prefix").isEmpty();
		assertThat(search("\"footer links\"", null, null, null, 10)).extracting((f) -> f.hit().item().id())
			.containsExactly(this.inDescription.id());
		assertThat(search("slow charts", null, null, null, 10)).as("every word, over title and description together")
			.singleElement()
			.satisfies(
					(f) -> assertThat(f.hit().matchedIn()).containsExactlyInAnyOrder(Source.TITLE, Source.DESCRIPTION));
	}

	@Test
	void searchWhenAnotherProjectHoldsMatchesThenOnlyTheGivenProjectsAreSearched() {
		assertThat(search("login", null, null, null, 10))
			.allSatisfy((f) -> assertThat(f.hit().item().projectId()).isEqualTo(this.project));
		assertThat(this.search
			.search(new CopySearch.Query(List.of(this.project, this.other), "outage", null, null, null, 10)))
			.hasSize(1);
	}

	@Test
	void searchWhenFilteredByStateOrAssigneeThenSqlAppliesThem() {
		UUID state = UUID.randomUUID();
		UUID alice = UUID.randomUUID();
		WorkItem assigned = new WorkItem(UUID.randomUUID(), this.project, 9, "Login redirect", "", Priority.NONE, state,
				List.of(alice), List.of(), null, null, null, null, null, at(0), at(9), null);
		this.store.saveCards(this.project, List.of(copy(assigned)), T0);

		assertThat(search("login", Set.of(state), null, null, 10)).extracting((f) -> f.hit().item().id())
			.containsExactly(assigned.id());
		assertThat(search("login", null, alice, null, 10)).extracting((f) -> f.hit().item().id())
			.containsExactly(assigned.id());
		assertThat(search("login", Set.of(UUID.randomUUID()), null, null, 10)).isEmpty();
	}

	@Test
	void searchWhenPagedThenEachPageContinuesAfterTheLastHitWithoutRepeats() {
		List<CardCopy> many = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			// Equal ranks in pairs: the id breaks the tie.
			many.add(copy(card(this.project, 20 + i, "Release notes " + i, "release ".repeat(1 + i / 2), null, 10)));
		}
		this.store.saveCards(this.project, many, T0);
		List<UUID> all = search("release", null, null, null, 100).stream().map((f) -> f.hit().item().id()).toList();

		List<UUID> paged = new ArrayList<>();
		CopySearch.Key after = null;
		do {
			List<CopySearch.Found> page = search("release", null, null, after, 3);
			page.forEach((f) -> paged.add(f.hit().item().id()));
			after = (page.size() == 3) ? new CopySearch.Key(page.get(2).rank(), page.get(2).hit().item().id()) : null;
		}
		while (after != null);

		assertThat(all).hasSize(7);
		assertThat(paged).containsExactlyElementsOf(all);
	}

	@Test
	void searchWhenManyProjectsAreGrantedThenTheirStateIsReadInOneStatementAndNothingIsWritten() {
		UUID agentId = UUID.randomUUID();
		List<Grant> grants = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			Grant grant = TestGrants.read(agentId, "P" + i);
			grants.add(grant);
			this.store.track(new GrantedProject(grant.workspace(), grant.projectId(), grant.projectIdentifier()));
			if (i < 5) {
				// The sixth stays in its first fill.
				this.store.recordPass(grant.projectId(), T0, T0);
			}
			this.store.saveCards(grant.projectId(),
					List.of(copy(card(grant.projectId(), 1, "Login " + i, "", null, 1))), T0);
		}
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		ReadModelSearch search = new ReadModelSearch(
				new MybatisReadModelSearch(TestDatabase.sessions(counting.dataSource())),
				new MybatisReadModelStore(TestDatabase.sessions(counting.dataSource())), ReadModelSettings.defaults(),
				() -> {
				});
		WorkItemSearch.Query login = new WorkItemSearch.Query("login", null, null);

		WorkItemSearch.Found found = search.search(grants, login, new Page.Request(null, 10));

		assertThat(found.page().items()).hasSize(5);
		assertThat(found.notSearched()).containsExactly(grants.get(5).projectId());
		// Before: a read per project and a no-op upsert for the filling one, 6 + 1 + 1.
		assertThat(counting.statements()).as("the projects' state, then the search").isEqualTo(2);
		counting.reset();
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> search.search(grants.subList(5, 6), login, new Page.Request(null, 10)))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.SEARCH_NOT_READY));
		assertThat(counting.statements()).as("still filling: its row is not written again").isEqualTo(1);
		counting.reset();
		Grant fresh = TestGrants.read(agentId, "NEW");
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> search.search(List.of(fresh), login, new Page.Request(null, 10)));
		assertThat(counting.statements()).as("a project the copy lacks is tracked").isEqualTo(2);
		assertThat(this.store.project(fresh.projectId())).isPresent();
	}

	@Test
	void searchWhenPlannedThenEachTextIsParsedOncePerCardAndItsUsesReadThatVector() throws Exception {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		new MybatisReadModelSearch(TestDatabase.sessions(counting.dataSource()))
			.search(new CopySearch.Query(List.of(this.project), "login", null, null, null, 10));

		// The statement exactly as sent, under EXPLAIN VERBOSE: a node's output shows an
		// expression it computes bare, and one it reads from a node below in brackets.
		String plan = String.join("\n", HotStatementPlansBenchmark.explain(DATABASE.dataSource(),
				counting.captured().get(0), "EXPLAIN (VERBOSE) ", "SELECT 1"));
		for (String column : List.of("c.title", "c.description_text")) {
			String parsed = "to_tsvector('simple'::regconfig, " + column + ")";
			assertThat(occurrences(plan, parsed) - occurrences(plan, "(" + parsed + ")")).as(column).isEqualTo(1);
		}
	}

	@Test
	void searchWhenTheMatchIsDeepInALongTextThenTheSnippetIsShortAndMarked() {
		String words = "lorem ipsum dolor sit amet ".repeat(300);
		WorkItem deep = card(this.project, 30, "Long", words + "the checkout fails " + words, null, 11);
		this.store.saveCards(this.project, List.of(copy(deep)), T0);

		Hit hit = search("checkout", null, null, null, 10).get(0).hit();
		assertThat(hit.snippet()).contains("**checkout**");
		assertThat(hit.snippet().split("\\s+")).hasSizeLessThanOrEqualTo(2 * 16 + 2);
	}

	private List<CopySearch.Found> search(String text, Set<UUID> states, UUID assignee, CopySearch.Key after,
			int limit) {
		return this.search.search(new CopySearch.Query(List.of(this.project), text, states, assignee, after, limit));
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

	private void comment(UUID projectId, WorkItem card, String body, UUID author, UUID writtenBy) {
		this.store.saveComment(
				new CommentCopy(projectId, new Comment(UUID.randomUUID(), card.id(), body, author, writtenBy, at(1)),
						"<p>" + body + "</p>", at(1)));
	}

	private static WorkItem card(UUID projectId, long sequence, String title, String description, UUID state,
			int updatedMinute) {
		return new WorkItem(UUID.randomUUID(), projectId, sequence, title, description, Priority.NONE, state, List.of(),
				List.of(), null, null, null, null, null, at(0), at(updatedMinute), null);
	}

	private static CardCopy copy(WorkItem item) {
		return new CardCopy(item, "<p>" + item.description() + "</p>");
	}

	private static OffsetDateTime at(int minute) {
		return T0.plusSeconds(60L * minute).atOffset(ZoneOffset.UTC);
	}

}
