package com.launcher.agentgateway.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.launcher.agentgateway.Concurrently;
import com.launcher.agentgateway.audit.AuditLog.AuditPage;
import com.launcher.agentgateway.audit.AuditLog.AuditQuery;
import com.launcher.agentgateway.audit.AuditLog.ChainVerification;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;
import com.launcher.agentgateway.core.GatewayException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What every {@link AuditLog} must do. {@link #emptyAuditLog()} answers a log with no
 * events: the chain is global, so each test starts from the genesis.
 */
public abstract class AuditLogContractTests {

	protected static final Instant T0 = Instant.parse("2026-12-01T12:00:00.000001Z");

	protected AuditLog log;

	protected abstract AuditLog emptyAuditLog();

	@BeforeEach
	void emptyLog() {
		this.log = emptyAuditLog();
	}

	@Test
	void appendWhenEventsThenStoredInOrderWithTheirFieldsAndChainIntact() {
		AuditEvent first = TestAuditEvents.full();
		AuditEvent second = TestAuditEvents.denied(UUID.randomUUID(), UUID.randomUUID(), T0, "token.use");

		this.log.append(first);
		this.log.append(second);

		List<StoredAuditEvent> events = this.log.query(new AuditQuery(null, null, null, null, null, null, null, 10))
			.events();
		assertThat(events).extracting(StoredAuditEvent::event).containsExactlyInAnyOrder(first, second);
		assertThat(events).extracting(StoredAuditEvent::seq).containsExactlyInAnyOrder(1L, 2L);
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, 2, null));
	}

	@Test
	void appendWhenTextIsNotAsciiOrHoldsSeparatorsThenChainStillVerifies() {
		AuditEvent event = AuditEvent.builder("tool.add_comment", AuditEvent.Outcome.SUCCEEDED)
			.at(T0)
			.agent(UUID.randomUUID(), UUID.randomUUID())
			.actor(AuditEvent.ActorType.AGENT, "Zoë — 日本語 🚀")
			.reason("sep\u001fnull\u2400esc\\end")
			.detail("title", "Ünïcödé \"quoted\" \n line")
			.build();

		this.log.append(event);
		this.log.append(TestAuditEvents.full());

		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, 2, null));
		assertThat(this.log.query(new AuditQuery(null, null, "tool.add_comment", null, null, null, null, 1)).events())
			.singleElement()
			.satisfies((stored) -> assertThat(stored.event()).isEqualTo(event));
	}

	@Test
	void verifyWhenEmptyThenIntactWithNothingChecked() {
		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, 0, null));
	}

	@Test
	void queryWhenPagingWithFiltersThenEveryMatchingRowExactlyOnceNewestFirst() {
		UUID agent = UUID.randomUUID();
		UUID owner = UUID.randomUUID();
		Set<UUID> expected = new HashSet<>();
		for (int i = 0; i < 23; i++) {
			// Several events share an instant: the seq must break the tie across pages.
			Instant at = T0.plusSeconds(i / 3);
			AuditEvent match = TestAuditEvents.denied(agent, owner, at, "token.use");
			expected.add(match.id());
			this.log.append(match);
			this.log.append(TestAuditEvents.allowed(agent, owner, at, "token.use"));
			this.log.append(TestAuditEvents.denied(UUID.randomUUID(), owner, at, "token.use"));
			this.log.append(TestAuditEvents.denied(agent, owner, at, "tool.create_work_item"));
		}

		List<StoredAuditEvent> seen = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			AuditPage page = this.log
				.query(new AuditQuery(agent, owner, "token.use", AuditEvent.Outcome.DENIED, null, null, cursor, 5));
			assertThat(page.events()).hasSizeLessThanOrEqualTo(5);
			seen.addAll(page.events());
			cursor = page.nextCursor().orElse(null);
			pages++;
		}
		while (cursor != null && pages < 20);

		assertThat(seen).extracting((e) -> e.event().id()).doesNotHaveDuplicates();
		assertThat(seen).extracting((e) -> e.event().id()).containsExactlyInAnyOrderElementsOf(expected);
		assertThat(pages).isEqualTo(5);
		for (int i = 1; i < seen.size(); i++) {
			StoredAuditEvent newer = seen.get(i - 1);
			StoredAuditEvent older = seen.get(i);
			assertThat(newer.event().occurredAt()).isAfterOrEqualTo(older.event().occurredAt());
			if (newer.event().occurredAt().equals(older.event().occurredAt())) {
				assertThat(newer.seq()).isGreaterThan(older.seq());
			}
		}
	}

	@Test
	void queryWhenTimeRangeThenFromInclusiveAndToExclusive() {
		UUID agent = UUID.randomUUID();
		for (int i = 0; i < 5; i++) {
			this.log.append(TestAuditEvents.allowed(agent, null, T0.plusSeconds(i), "token.use"));
		}

		AuditPage page = this.log
			.query(new AuditQuery(agent, null, null, null, T0.plusSeconds(1), T0.plusSeconds(3), null, 100));

		assertThat(page.events()).extracting((e) -> e.event().occurredAt())
			.containsExactly(T0.plusSeconds(2), T0.plusSeconds(1));
		assertThat(page.nextCursor()).isEmpty();
	}

	@Test
	void queryWhenLastPageExactlyFullThenNoNextCursor() {
		UUID agent = UUID.randomUUID();
		for (int i = 0; i < 4; i++) {
			this.log.append(TestAuditEvents.allowed(agent, null, T0.plusSeconds(i), "token.use"));
		}

		AuditPage first = this.log.query(new AuditQuery(agent, null, null, null, null, null, null, 2));
		AuditPage second = this.log
			.query(new AuditQuery(agent, null, null, null, null, null, first.nextCursor().orElseThrow(), 2));

		assertThat(second.events()).hasSize(2);
		assertThat(second.nextCursor()).isEqualTo(Optional.empty());
	}

	@Test
	void queryWhenCursorIsNotOneOfOursThenValidationNamingCursor() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.log.query(new AuditQuery(null, null, null, null, null, null, "%%not-a-cursor", 10)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("cursor"));
	}

	@Test
	void appendWhenEightThreadsAppendConcurrentlyThenChainStaysLinearAndIntact() throws Exception {
		int threads = 8;
		int perThread = 25;
		Concurrently.run(threads, (thread) -> {
			for (int i = 0; i < perThread; i++) {
				this.log.append(TestAuditEvents.full());
			}
		});

		assertThat(this.log.verify().withoutRanges()).isEqualTo(new ChainVerification(true, threads * perThread, null));
		List<StoredAuditEvent> all = this.log
			.query(new AuditQuery(null, null, null, null, null, null, null, threads * perThread))
			.events();
		assertThat(all).extracting(StoredAuditEvent::seq)
			.containsExactlyInAnyOrderElementsOf(
					java.util.stream.LongStream.rangeClosed(1, threads * perThread).boxed().toList());
	}

}
