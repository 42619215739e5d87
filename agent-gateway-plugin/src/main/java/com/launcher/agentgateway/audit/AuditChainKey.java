package com.launcher.agentgateway.audit;

/**
 * The key of the audit chain, held by the host: the plugin can have a message
 * authenticated with it, never read it. Without it, whoever can write the database can
 * edit an event and compute the chain again.
 */
@FunctionalInterface
public interface AuditChainKey {

	/**
	 * @param message the message
	 * @return its 32-byte HMAC-SHA-256 under the chain's key
	 */
	byte[] mac(byte[] message);

}
