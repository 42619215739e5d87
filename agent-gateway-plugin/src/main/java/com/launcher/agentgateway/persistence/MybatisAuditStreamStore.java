package com.launcher.agentgateway.persistence;

import java.util.List;
import java.util.function.Consumer;

import com.launcher.agentgateway.audit.AuditStreamer;
import com.launcher.agentgateway.audit.AuditStreamer.Pass;
import com.launcher.agentgateway.audit.AuditStreamer.StreamedEvent;
import org.apache.ibatis.session.SqlSession;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit stream's cursors in {@code agw_audit_stream}, one row per sink, moved in the
 * transaction that holds the sink's advisory lock (transaction-scoped, as the pruner's),
 * after the sink has written the batch. A sink's row is made on the first pass that finds
 * none; the passes after it read the cursor only.
 */
public class MybatisAuditStreamStore implements AuditStreamer.Store {

	private final AuditStreamMapper stream;

	private final TransactionTemplate transactions;

	/**
	 * @param sessions the plugin's MyBatis sessions
	 * @param transactions transactions the sessions' mappers join
	 */
	public MybatisAuditStreamStore(SqlSession sessions, TransactionTemplate transactions) {
		this.stream = sessions.getMapper(AuditStreamMapper.class);
		this.transactions = transactions;
	}

	@Override
	public Pass streamNext(String sink, int batch, Consumer<List<StreamedEvent>> writer) {
		return this.transactions.execute((status) -> {
			boolean mine = this.stream.tryLock(sink);
			Long cursor = this.stream.cursor(sink);
			if (cursor == null && mine) {
				// A new sink (or its row removed): made once, not on every pass.
				this.stream.register(sink);
				cursor = this.stream.cursor(sink);
			}
			long head = this.stream.headSeq();
			if (!mine || cursor == null) {
				return new Pass(false, 0, (cursor != null) ? Math.max(0, head - cursor) : 0);
			}
			List<StreamedEvent> events = this.stream.after(cursor, batch)
				.stream()
				.map((row) -> new StreamedEvent(row.seq(), row.prevHash(), row.hash(), row.event()))
				.toList();
			if (events.isEmpty()) {
				return new Pass(true, 0, Math.max(0, head - cursor));
			}
			writer.accept(events);
			long last = events.get(events.size() - 1).seq();
			this.stream.advance(sink, last);
			return new Pass(true, events.size(), Math.max(0, head - last));
		});
	}

}
