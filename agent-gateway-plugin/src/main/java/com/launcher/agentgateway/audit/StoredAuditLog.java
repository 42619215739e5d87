package com.launcher.agentgateway.audit;

/**
 * The audit log over its stores: events go to the appender (grouped, in the plugin),
 * queries to the reader, and verification walks the reader's chain with
 * {@link AuditChain#verify} under the chain's key.
 */
public final class StoredAuditLog implements AuditLog {

	private final AuditAppender appender;

	private final AuditReader reader;

	private final AuditChainKey key;

	public StoredAuditLog(AuditAppender appender, AuditReader reader, AuditChainKey key) {
		this.appender = appender;
		this.reader = reader;
		this.key = key;
	}

	@Override
	public void append(AuditEvent event) {
		this.appender.append(event);
	}

	@Override
	public AuditPage query(AuditQuery query) {
		return this.reader.query(query);
	}

	@Override
	public ChainVerification verify() {
		return this.reader.readChain((snapshot) -> AuditChain.verify(snapshot, this.key));
	}

}
