package com.launcher.agentgateway.persistence;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import com.launcher.agentgateway.audit.AuditCursor;
import com.launcher.agentgateway.audit.AuditLog.AuditPage;
import com.launcher.agentgateway.audit.AuditLog.AuditQuery;
import com.launcher.agentgateway.audit.AuditLog.StoredAuditEvent;
import com.launcher.agentgateway.audit.AuditReader;
import org.apache.ibatis.session.SqlSession;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads {@code agw_audit_event}: pages by keyset, and the whole chain in one
 * {@code REPEATABLE READ} snapshot for verification.
 */
public class MybatisAuditReader implements AuditReader {

	private final AuditMapper audit;

	private final TransactionTemplate snapshots;

	/**
	 * @param sessions the plugin's MyBatis sessions
	 * @param transactions transactions the sessions' mappers join; verification reads in
	 * its own, read-only and {@code REPEATABLE READ}
	 */
	public MybatisAuditReader(SqlSession sessions, TransactionTemplate transactions) {
		this.audit = sessions.getMapper(AuditMapper.class);
		this.snapshots = new TransactionTemplate(transactions.getTransactionManager(), transactions);
		this.snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshots.setReadOnly(true);
	}

	@Override
	public AuditPage query(AuditQuery query) {
		AuditCursor cursor = (query.cursor() != null) ? AuditCursor.decode(query.cursor()) : null;
		List<StoredAuditEvent> rows = this.audit
			.query(new AuditMapper.Filter(query.agentId(), query.ownerUserId(), query.action(),
					(query.outcome() != null) ? query.outcome().name() : null, query.from(), query.to(),
					(cursor != null) ? cursor.at() : null, (cursor != null) ? cursor.seq() : null, query.limit() + 1))
			.stream()
			.map((row) -> new StoredAuditEvent(row.seq(), row.event()))
			.toList();
		Optional<String> next = Optional.empty();
		if (rows.size() > query.limit()) {
			rows = rows.subList(0, query.limit());
			StoredAuditEvent last = rows.get(rows.size() - 1);
			next = Optional.of(new AuditCursor(last.event().occurredAt(), last.seq()).encode());
		}
		return new AuditPage(List.copyOf(rows), next);
	}

	@Override
	public <T> T readChain(Function<ChainSnapshot, T> reading) {
		return this.snapshots.execute((status) -> reading.apply(new Snapshot()));
	}

	/** The chain as the snapshot transaction sees it; valid only inside it. */
	private final class Snapshot implements ChainSnapshot {

		@Override
		public Optional<Anchor> anchor() {
			return Optional.ofNullable(MybatisAuditReader.this.audit.anchor());
		}

		@Override
		public Long keyedFrom() {
			return MybatisAuditReader.this.audit.keyedFrom();
		}

		@Override
		public void forEachLink(Predicate<StoredLink> visitor) {
			MybatisAuditReader.this.audit.chain((context) -> {
				AuditMapper.EventRow row = context.getResultObject();
				if (!visitor.test(new StoredLink(row.seq(), row.prevHash(), row.hash(), row::event))) {
					context.stop();
				}
			});
		}

		@Override
		public ChainPoint head() {
			return MybatisAuditReader.this.audit.head();
		}

	}

}
