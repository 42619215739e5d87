package com.launcher.agentgateway.observe;

import com.launcher.agentgateway.audit.AuditEvent;
import com.launcher.agentgateway.audit.AuditLog;

/**
 * The audit log with each append timed, and the chain's head (the position of the newest
 * event) readable for a gauge.
 */
public final class MeteredAuditLog implements AuditLog {

	private static final AuditQuery NEWEST = new AuditQuery(null, null, null, null, null, null, null, 1);

	private final AuditLog delegate;

	private final GatewayMetrics metrics;

	public MeteredAuditLog(AuditLog delegate, GatewayMetrics metrics) {
		this.delegate = delegate;
		this.metrics = metrics;
	}

	@Override
	public void append(AuditEvent event) {
		long start = System.nanoTime();
		boolean stored = false;
		try {
			this.delegate.append(event);
			stored = true;
		}
		finally {
			this.metrics.auditAppend(stored, System.nanoTime() - start);
		}
	}

	@Override
	public AuditPage query(AuditQuery query) {
		return this.delegate.query(query);
	}

	@Override
	public ChainVerification verify() {
		return this.delegate.verify();
	}

	/**
	 * The position of the newest event in the chain, 0 when there is none: one indexed
	 * query (newest first, one row).
	 */
	public static long head(AuditLog auditLog) {
		return auditLog.query(NEWEST).events().stream().findFirst().map(StoredAuditEvent::seq).orElse(0L);
	}

}
