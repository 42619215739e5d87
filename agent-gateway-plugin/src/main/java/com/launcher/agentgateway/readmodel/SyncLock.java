package com.launcher.agentgateway.readmodel;

import java.util.Optional;

/**
 * The lock that lets one node at a time run the sync (a PostgreSQL advisory lock): the
 * other nodes skip their turn.
 */
public interface SyncLock {

	/**
	 * Takes the lock if nobody holds it.
	 * @return the held lock, to close when done; empty when another node holds it
	 */
	Optional<Held> tryLock();

	/** A held lock. */
	interface Held extends AutoCloseable {

		@Override
		void close();

	}

}
