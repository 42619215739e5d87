package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.launcher.agentgateway.audit.AuditChain;
import com.launcher.agentgateway.audit.AuditChainKey;
import com.launcher.agentgateway.audit.AuditLog.ChainVerification;
import com.launcher.agentgateway.audit.AuditReader;
import com.launcher.agentgateway.audit.AuditRetention;
import org.apache.ibatis.session.SqlSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the oldest audit events for the retention, from the start of the chain, and
 * keeps the last deleted event's position and hash in {@code agw_audit_anchor}, with
 * their MAC under the chain's key, so that the anchor cannot be moved without it.
 */
public class MybatisAuditPruner implements AuditRetention.Pruner {

	private static final Logger logger = LoggerFactory.getLogger(MybatisAuditPruner.class);

	private final AuditMapper audit;

	private final AuditChainKey key;

	private final TransactionTemplate transactions;

	public MybatisAuditPruner(SqlSession sessions, TransactionTemplate transactions, AuditChainKey key) {
		this.audit = sessions.getMapper(AuditMapper.class);
		this.key = key;
		// The advisory lock is transaction-scoped: the lock and the delete share one.
		this.transactions = transactions;
	}

	/**
	 * Deletes up to {@code batch} of the oldest events, as far as the first one at or
	 * after {@code cutoff}, and moves the anchor. The events are read and their links
	 * checked from the anchor first: someone who can write the database could otherwise
	 * backdate recent events, or edit old ones, and have the retention delete them under
	 * a valid anchor. A batch that does not verify is kept, and the retention stops there
	 * until the chain is looked at. A node that does not get the advisory lock deletes
	 * nothing: another node is pruning.
	 */
	@Override
	public int prune(Instant cutoff, int batch) {
		Integer deleted = this.transactions.execute((status) -> {
			if (!this.audit.tryPruneLock()) {
				return 0;
			}
			List<AuditMapper.EventRow> doomed = this.audit.doomed(batch, cutoff);
			if (doomed.isEmpty()) {
				return 0;
			}
			AuditMapper.EventRow last = doomed.get(doomed.size() - 1);
			ChainVerification checked = AuditChain.verify(new Doomed(doomed), this.key);
			if (!checked.intact()) {
				logger.warn("Audit retention deletes nothing: the chain does not verify at position {}",
						checked.firstBrokenSeq());
				return 0;
			}
			this.audit.prune(last.seq(), last.hash(), AuditChain.anchorMac(this.key, last.seq(), last.hash()));
			return doomed.size();
		});
		return (deleted != null) ? deleted : 0;
	}

	/**
	 * The events to delete as a chain of their own, from the anchor to the last of them.
	 */
	private final class Doomed implements AuditReader.ChainSnapshot {

		private final List<AuditMapper.EventRow> rows;

		Doomed(List<AuditMapper.EventRow> rows) {
			this.rows = rows;
		}

		@Override
		public Optional<AuditReader.Anchor> anchor() {
			return Optional.ofNullable(MybatisAuditPruner.this.audit.anchor());
		}

		@Override
		public Long keyedFrom() {
			return MybatisAuditPruner.this.audit.keyedFrom();
		}

		@Override
		public void forEachLink(Predicate<AuditReader.StoredLink> visitor) {
			for (AuditMapper.EventRow row : this.rows) {
				if (!visitor.test(new AuditReader.StoredLink(row.seq(), row.prevHash(), row.hash(), row::event))) {
					return;
				}
			}
		}

		@Override
		public AuditReader.ChainPoint head() {
			AuditMapper.EventRow last = this.rows.get(this.rows.size() - 1);
			return new AuditReader.ChainPoint(last.seq(), last.hash());
		}

	}

}
