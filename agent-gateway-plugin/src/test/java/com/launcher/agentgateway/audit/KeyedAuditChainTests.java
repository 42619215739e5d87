package com.launcher.agentgateway.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.launcher.agentgateway.audit.AuditLog.ChainVerification;
import com.launcher.agentgateway.audit.AuditLog.Range;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuditChain#verify} against a forger who can write every row (issue 12 point 7):
 * whatever they edit, delete, reorder or move, and however they compute the links again,
 * without the host's key the chain breaks where they started.
 */
class KeyedAuditChainTests {

	private static final AuditChainKey WRONG_KEY = TestAuditEvents.key("a key the forger made up");

	@Test
	void verifyWhenKeyedChainIsUntouchedThenIntactAndKeyedThroughout() {
		Chain chain = Chain.keyed(5);

		assertThat(verify(chain)).isEqualTo(new ChainVerification(true, 5, null, null, null, new Range(1, 5)));
	}

	@Test
	void verifyWhenAnEventIsEditedAndTheChainRecomputedWithSha256ThenReportsThatEvent() {
		Chain chain = Chain.keyed(5);

		chain.edit(3);
		chain.relinkFrom(3, Chain::plainLink);

		assertThat(verify(chain)).isEqualTo(new ChainVerification(false, 3, 3L, null, null, new Range(1, 5)));
	}

	@Test
	void verifyWhenAnEventIsEditedAndTheChainRecomputedWithAnotherKeyThenReportsThatEvent() {
		Chain chain = Chain.keyed(5);

		chain.edit(3);
		chain.relinkFrom(3, Chain.keyedWith(WRONG_KEY));

		assertThat(verify(chain).withoutRanges()).isEqualTo(new ChainVerification(false, 3, 3L));
	}

	@Test
	void verifyWhenAMiddleEventIsDeletedAndTheRestRenumberedAndRelinkedThenReportsItsPosition() {
		Chain chain = Chain.keyed(5);

		chain.rows.remove(2);
		for (int i = 2; i < chain.rows.size(); i++) {
			chain.rows.get(i).seq--;
		}
		chain.relinkFrom(3, Chain::plainLink);

		assertThat(verify(chain).withoutRanges()).isEqualTo(new ChainVerification(false, 3, 3L));
	}

	@Test
	void verifyWhenTwoEventsAreSwappedAndRelinkedThenReportsTheFirst() {
		Chain chain = Chain.keyed(5);

		AuditEvent second = chain.rows.get(1).event;
		chain.rows.get(1).event = chain.rows.get(2).event;
		chain.rows.get(2).event = second;
		chain.relinkFrom(2, Chain.keyedWith(WRONG_KEY));

		assertThat(verify(chain).withoutRanges()).isEqualTo(new ChainVerification(false, 2, 2L));
	}

	@Test
	void verifyWhenAPrefixIsDeletedAndTheAnchorMovedWithoutTheKeyThenReportsThePositionAfterIt() {
		for (byte[] forgedMac : new byte[][] { null, new byte[32], "forged".getBytes() }) {
			Chain chain = Chain.keyed(5);
			Row last = chain.rows.get(1);

			chain.rows.subList(0, 2).clear();
			chain.anchor = new AuditReader.Anchor(2, last.hash, forgedMac);

			assertThat(verify(chain).withoutRanges()).isEqualTo(new ChainVerification(false, 0, 3L, 2L));
		}
		Chain chain = Chain.keyed(5);
		Row last = chain.rows.get(1);
		chain.rows.subList(0, 2).clear();
		chain.anchor = new AuditReader.Anchor(2, last.hash, AuditChain.anchorMac(WRONG_KEY, 2, last.hash));
		assertThat(verify(chain).withoutRanges()).isEqualTo(new ChainVerification(false, 0, 3L, 2L));
	}

	@Test
	void verifyWhenTheRetentionCutAPrefixWithAKeyedAnchorThenIntactFromTheAnchor() {
		Chain chain = Chain.keyed(5);
		Row last = chain.rows.get(1);

		chain.rows.subList(0, 2).clear();
		chain.anchor = new AuditReader.Anchor(2, last.hash, AuditChain.anchorMac(TestAuditEvents.KEY, 2, last.hash));

		assertThat(verify(chain)).isEqualTo(new ChainVerification(true, 3, null, 2L, null, new Range(3, 5)));
	}

	@Test
	void verifyWhenAPlainChainWasKeyedLaterThenThePlainPartVerifiesUnkeyedAndTheRestWithTheKey() {
		Chain chain = Chain.upgraded(3, 2);

		assertThat(verify(chain))
			.isEqualTo(new ChainVerification(true, 5, null, null, new Range(1, 3), new Range(4, 5)));
	}

	@Test
	void verifyWhenAKeyedEventIsEditedAndTheKeyedStartMovedPastItThenBroken() {
		Chain chain = Chain.upgraded(3, 2);

		chain.edit(4);
		chain.relinkFrom(4, Chain::plainLink);
		chain.keyedFrom = 5L;

		ChainVerification verification = verify(chain);
		assertThat(verification.intact()).isFalse();
		assertThat(verification.unkeyed()).isEqualTo(new Range(1, 5));
	}

	@Test
	void verifyWhenTheKeyedStartIsMovedBackThenReportsTheFirstPlainEventAfterIt() {
		Chain chain = Chain.upgraded(3, 2);

		chain.keyedFrom = 1L;

		assertThat(verify(chain).withoutRanges()).isEqualTo(new ChainVerification(false, 2, 2L));
	}

	@Test
	void verifyWhenTheKeyedStartIsMissingThenBrokenAtTheFirstPosition() {
		Chain chain = Chain.plain(3);

		assertThat(verify(chain).withoutRanges()).isEqualTo(new ChainVerification(false, 0, 1L));
	}

	@Test
	void verifyWhenAnOlderVersionsAnchorLiesInThePlainPartThenAccepted() {
		Chain chain = Chain.upgraded(3, 2);
		Row last = chain.rows.get(1);

		chain.rows.subList(0, 2).clear();
		chain.anchor = new AuditReader.Anchor(2, last.hash, null);

		assertThat(verify(chain)).isEqualTo(new ChainVerification(true, 3, null, 2L, new Range(3, 3), new Range(4, 5)));
	}

	@Test
	void verifyWhenTheNewestEventsAreCutAndTheHeadRolledBackThenItCannotTell() {
		// The documented limit: a head copied from an earlier moment is a valid head.
		Chain chain = Chain.keyed(5);

		chain.rows.subList(3, 5).clear();
		chain.head = new AuditReader.ChainPoint(3, chain.rows.get(2).hash);

		assertThat(verify(chain).withoutRanges()).isEqualTo(new ChainVerification(true, 3, null));
	}

	private static ChainVerification verify(Chain chain) {
		return AuditChain.verify(chain, TestAuditEvents.KEY);
	}

	/** A link function, keyed or not, as a forger would apply it. */
	interface Linker {

		byte[] link(byte[] previous, long seq, AuditEvent event);

	}

	/** A stored row, for a forger to change. */
	static final class Row {

		long seq;

		AuditEvent event;

		byte[] prev;

		byte[] hash;

		Row(long seq, AuditEvent event, byte[] prev, byte[] hash) {
			this.seq = seq;
			this.event = event;
			this.prev = prev;
			this.hash = hash;
		}

	}

	/** A chain in memory, built as the appender builds it. */
	static final class Chain implements AuditReader.ChainSnapshot {

		final List<Row> rows = new ArrayList<>();

		AuditReader.Anchor anchor;

		Long keyedFrom;

		AuditReader.ChainPoint head = new AuditReader.ChainPoint(0, AuditChain.GENESIS);

		static Chain keyed(int events) {
			return upgraded(0, events);
		}

		static Chain plain(int events) {
			Chain chain = new Chain();
			chain.add(events, Chain::plainLink);
			return chain;
		}

		/** A plain chain of an older version, keyed from its head on. */
		static Chain upgraded(int plain, int keyed) {
			Chain chain = plain(plain);
			chain.keyedFrom = (long) plain;
			chain.head = new AuditReader.ChainPoint(plain,
					AuditChain.genesis(TestAuditEvents.KEY, plain, chain.head.hash()));
			chain.add(keyed, keyedWith(TestAuditEvents.KEY));
			return chain;
		}

		static byte[] plainLink(byte[] previous, long seq, AuditEvent event) {
			return AuditChain.link(previous, seq, event);
		}

		static Linker keyedWith(AuditChainKey key) {
			return (previous, seq, event) -> AuditChain.keyedLink(key, previous, seq,
					AuditChain.canonicalAfterSeq(event));
		}

		void add(int events, Linker linker) {
			for (int i = 0; i < events; i++) {
				long seq = this.head.seq() + 1;
				AuditEvent event = TestAuditEvents.full();
				byte[] hash = linker.link(this.head.hash(), seq, event);
				this.rows.add(new Row(seq, event, this.head.hash(), hash));
				this.head = new AuditReader.ChainPoint(seq, hash);
			}
		}

		void edit(long seq) {
			Row row = row(seq);
			row.event = AuditChainTests.copy(row.event, 10, "nothing to see");
		}

		/**
		 * What a forger does after a change: every link again from {@code seq}, and the
		 * head.
		 */
		void relinkFrom(long seq, Linker linker) {
			byte[] previous = this.rows.stream()
				.filter((row) -> row.seq == seq - 1)
				.map((row) -> row.hash)
				.findFirst()
				.orElse(row(seq).prev);
			for (Row row : this.rows) {
				if (row.seq >= seq) {
					row.prev = previous;
					row.hash = linker.link(previous, row.seq, row.event);
					previous = row.hash;
				}
			}
			Row last = this.rows.get(this.rows.size() - 1);
			this.head = new AuditReader.ChainPoint(last.seq, last.hash);
		}

		Row row(long seq) {
			return this.rows.stream().filter((row) -> row.seq == seq).findFirst().orElseThrow();
		}

		@Override
		public Optional<AuditReader.Anchor> anchor() {
			return Optional.ofNullable(this.anchor);
		}

		@Override
		public Long keyedFrom() {
			return this.keyedFrom;
		}

		@Override
		public void forEachLink(Predicate<AuditReader.StoredLink> visitor) {
			for (Row row : this.rows) {
				AuditEvent event = row.event;
				if (!visitor.test(new AuditReader.StoredLink(row.seq, row.prev, row.hash, () -> event))) {
					return;
				}
			}
		}

		@Override
		public AuditReader.ChainPoint head() {
			return this.head;
		}

	}

}
