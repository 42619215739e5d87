package com.launcher.agentgateway.persistence;

import java.time.Instant;

import com.launcher.agentgateway.audit.AuditRetention;
import org.apache.ibatis.session.SqlSession;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the oldest audit events for the retention, from the start of the chain, and
 * keeps the last deleted event's position and hash in {@code agw_audit_anchor}.
 */
public class MybatisAuditPruner implements AuditRetention.Pruner {

	private final AuditMapper audit;

	private final TransactionTemplate transactions;

	public MybatisAuditPruner(SqlSession sessions) {
		this.audit = sessions.getMapper(AuditMapper.class);
		// The advisory lock is transaction-scoped: the lock and the delete share one.
		this.transactions = new TransactionTemplate(
				new DataSourceTransactionManager(sessions.getConfiguration().getEnvironment().getDataSource()));
	}

	/**
	 * Deletes up to {@code batch} of the oldest events, as far as the first one at or
	 * after {@code cutoff}, and moves the anchor, in one statement. A node that does not
	 * get the advisory lock deletes nothing: another node is pruning.
	 */
	@Override
	public int prune(Instant cutoff, int batch) {
		Integer deleted = this.transactions
			.execute((status) -> this.audit.tryPruneLock() ? this.audit.prune(batch, cutoff) : 0);
		return (deleted != null) ? deleted : 0;
	}

}
