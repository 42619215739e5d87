package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.readmodel.CardCopy;
import com.launcher.agentgateway.readmodel.CommentCopy;
import com.launcher.agentgateway.readmodel.GrantedProject;
import com.launcher.agentgateway.readmodel.ReadModelStore;
import com.launcher.agentgateway.workitem.Comment;
import com.launcher.agentgateway.workitem.Priority;
import com.launcher.agentgateway.workitem.State;
import com.launcher.agentgateway.workitem.WorkItem;
import com.launcher.agentgateway.workitem.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read model on PostgreSQL: the newest snapshot wins whatever the order, nothing is
 * kept for an untracked project, filters and pages are SQL, a sweep spares what was
 * copied during it, replays are told, released projects are purged.
 */
class MybatisReadModelStoreTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

	private final UUID project = UUID.randomUUID();

	private final ReadModelStore store = new MybatisReadModelStore(TestDatabase.sessions(DATABASE.dataSource()));

	@Test
	void saveCardsWhenAnOlderSnapshotArrivesAfterANewerThenTheNewerStays() {
		track();
		UUID id = UUID.randomUUID();
		assertThat(this.store.saveCards(this.project, List.of(copy(card(id, 1, "new title", 10))), T0)).isEqualTo(1);

		assertThat(this.store.saveCards(this.project, List.of(copy(card(id, 1, "old title", 5))), T0)).isZero();
		assertThat(this.store.saveCards(this.project, List.of(copy(card(id, 1, "new title", 10))), T0.plusSeconds(9)))
			.as("as new: refreshes when it was known current")
			.isEqualTo(1);

		assertThat(this.store.card(this.project, id)).hasValueSatisfying((copied) -> {
			assertThat(copied.item().title()).isEqualTo("new title");
			assertThat(copied.copiedAt()).isEqualTo(T0.plusSeconds(9));
		});
		assertThat(this.store.cardBySequence(this.project, 1)).isPresent();
	}

	@Test
	void saveNewerCardWhenAWebhookRepeatsTheCopiedSnapshotThenNothingChanges() {
		track();
		WorkItem card = card(UUID.randomUUID(), 1, "title", 10);
		assertThat(this.store.saveNewerCard(copy(card), T0)).isTrue();

		assertThat(this.store.saveNewerCard(copy(card), T0.plusSeconds(5))).as("a duplicate").isFalse();
		assertThat(this.store.saveNewerCard(copy(card(card.id(), 1, "older", 9)), T0.plusSeconds(5))).isFalse();
		assertThat(this.store.saveNewerCard(copy(card(card.id(), 1, "newer", 11)), T0.plusSeconds(5))).isTrue();

		assertThat(this.store.card(this.project, card.id()).get().item().title()).isEqualTo("newer");
	}

	@Test
	void saveCardsWhenTheProjectIsNotTrackedThenNothingIsKept() {
		assertThat(this.store.saveCards(this.project, List.of(copy(card(UUID.randomUUID(), 1, "x", 1))), T0)).isZero();
		assertThat(this.store.project(this.project)).isEmpty();
	}

	@Test
	void cardsWhenFilteredThenSqlAppliesEveryFilterAndPagesNewestFirst() {
		track();
		UUID state = UUID.randomUUID();
		UUID alice = UUID.randomUUID();
		UUID bug = UUID.randomUUID();
		WorkItem footer = new WorkItem(UUID.randomUUID(), this.project, 1, "Update the footer links", "see the page",
				Priority.HIGH, state, List.of(alice), List.of(bug), null, null, null, null, null, at(1), at(30), null);
		WorkItem header = card(UUID.randomUUID(), 2, "Header colour", 20);
		WorkItem third = card(UUID.randomUUID(), 3, "Third card", 10);
		this.store.saveCards(this.project, List.of(copy(footer), copy(header), copy(third)), T0);

		assertThat(ids(new WorkItemFilter(state, null, null, null, null))).containsExactly(footer.id());
		assertThat(ids(new WorkItemFilter(null, alice, null, null, null))).containsExactly(footer.id());
		assertThat(ids(new WorkItemFilter(null, null, bug, null, null))).containsExactly(footer.id());
		assertThat(ids(new WorkItemFilter(null, null, null, "FOOT lin", null))).containsExactly(footer.id());
		assertThat(ids(new WorkItemFilter(null, null, null, "!!", null))).isEmpty();
		assertThat(ids(new WorkItemFilter(null, null, null, null, at(20)))).containsExactly(footer.id(), header.id());
		List<WorkItem> first = this.store.cards(this.project, new WorkItemFilter(null, null, null, null, null), null,
				2);
		assertThat(first).extracting(WorkItem::id).containsExactly(footer.id(), header.id());
		WorkItem last = first.get(1);
		assertThat(this.store.cards(this.project, new WorkItemFilter(null, null, null, null, null),
				new ReadModelStore.CardKey(last.updatedAt(), last.id()), 2))
			.extracting(WorkItem::id)
			.containsExactly(third.id());
	}

	@Test
	void removeCardsExceptWhenASweepMissesCardsThenOnlyThoseCopiedBeforeItGo() {
		track();
		WorkItem kept = card(UUID.randomUUID(), 1, "kept", 1);
		WorkItem gone = card(UUID.randomUUID(), 2, "gone", 1);
		WorkItem arrivedDuring = card(UUID.randomUUID(), 3, "arrived during the sweep", 1);
		this.store.saveCards(this.project, List.of(copy(kept), copy(gone)), T0);
		this.store.saveCards(this.project, List.of(copy(arrivedDuring)), T0.plusSeconds(10));
		this.store
			.replaceComments(this.project, gone.id(),
					List.of(new CommentCopy(this.project,
							new Comment(UUID.randomUUID(), gone.id(), "hi", null, null, at(1)), "<p>hi</p>", at(1))),
					T0);

		assertThat(this.store.removeCardsExcept(this.project, Set.of(kept.id()), T0.plusSeconds(5))).isEqualTo(1);

		assertThat(this.store.card(this.project, gone.id())).isEmpty();
		assertThat(this.store.comments(gone.id(), null, 10)).isEmpty();
		assertThat(this.store.card(this.project, arrivedDuring.id())).isPresent();
	}

	@Test
	void saveCommentWhenItsCardIsCopiedThenKeptNewestFirstAndItsCardsCommentsTimeRecorded() {
		track();
		WorkItem card = card(UUID.randomUUID(), 1, "card", 1);
		this.store.saveCards(this.project, List.of(copy(card)), T0);
		Comment older = new Comment(UUID.randomUUID(), card.id(), "older", null, null, at(1));
		Comment newer = new Comment(UUID.randomUUID(), card.id(), "newer", null, null, at(2));
		this.store.replaceComments(this.project, card.id(), List.of(new CommentCopy(this.project, older, null, at(1))),
				T0);

		assertThat(this.store.saveComment(new CommentCopy(this.project, newer, null, at(2)))).isEqualTo(1);
		assertThat(this.store.saveComment(new CommentCopy(this.project,
				new Comment(UUID.randomUUID(), UUID.randomUUID(), "card not copied", null, null, at(2)), null, at(2))))
			.isZero();

		assertThat(this.store.comments(card.id(), null, 10)).extracting(Comment::body)
			.containsExactly("newer", "older");
		assertThat(this.store.card(this.project, card.id()).get().commentsCopiedAt()).isEqualTo(T0);
	}

	@Test
	void recordDeliveryWhenTheSameIdArrivesTwiceThenTheSecondIsAReplay() {
		UUID delivery = UUID.randomUUID();
		assertThat(this.store.recordDelivery(delivery, T0)).isTrue();
		assertThat(this.store.recordDelivery(delivery, T0.plusSeconds(1))).isFalse();
		this.store.pruneDeliveries(T0.plusSeconds(1));
		assertThat(this.store.recordDelivery(delivery, T0.plusSeconds(2))).isTrue();
	}

	@Test
	void releaseWhenNoGrantIsLeftThenNotServableAndPurgedLaterWithEveryRow() {
		track();
		this.store.saveCards(this.project, List.of(copy(card(UUID.randomUUID(), 1, "x", 1))), T0);
		this.store.replaceStates(this.project, List.of(new State(UUID.randomUUID(), "Todo", "unstarted", true)));
		this.store.recordPass(this.project, at(1).toInstant(), T0);
		assertThat(this.store.project(this.project).get().servable()).isTrue();

		this.store.release(this.project, T0);
		assertThat(this.store.project(this.project).get().servable()).isFalse();
		assertThat(this.store.purgeReleased(T0.minusSeconds(1))).isZero();
		assertThat(this.store.purgeReleased(T0.plusSeconds(1))).isEqualTo(1);

		assertThat(this.store.project(this.project)).isEmpty();
		assertThat(this.store.states(this.project)).isEmpty();
	}

	@Test
	void trackWhenReleasedThenTakenBackWithItsPosition() {
		track();
		this.store.recordPass(this.project, at(7).toInstant(), T0);
		this.store.release(this.project, T0);

		track();

		assertThat(this.store.project(this.project)).hasValueSatisfying((project) -> {
			assertThat(project.releasedAt()).isNull();
			assertThat(project.watermark()).isEqualTo(at(7).toInstant());
			assertThat(project.servable()).isTrue();
		});
	}

	@Test
	void saveCardsWhenWrittenThenOneStatementPerCard() {
		track();
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		ReadModelStore counted = new MybatisReadModelStore(TestDatabase.sessions(counting.dataSource()));

		counted.saveCards(this.project, List.of(copy(card(UUID.randomUUID(), 1, "x", 1))), T0);

		assertThat(counting.statements()).isEqualTo(1);
	}

	private List<UUID> ids(WorkItemFilter filter) {
		return this.store.cards(this.project, filter, null, 10).stream().map(WorkItem::id).toList();
	}

	private void track() {
		this.store.track(new GrantedProject("demo", this.project, "WEB"));
	}

	private WorkItem card(UUID id, long sequence, String title, int updatedMinute) {
		return new WorkItem(id, this.project, sequence, title, "", Priority.NONE, null, List.of(), List.of(), null,
				null, null, null, null, at(0), at(updatedMinute), null);
	}

	private static CardCopy copy(WorkItem item) {
		return new CardCopy(item, "<p>" + item.description() + "</p>");
	}

	private static OffsetDateTime at(int minute) {
		return T0.plusSeconds(60L * minute).atOffset(ZoneOffset.UTC);
	}

}
