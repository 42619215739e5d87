package com.launcher.agentgateway.grant;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where grants are kept. */
public interface GrantStore {

	/**
	 * Stores a grant.
	 * @throws com.launcher.agentgateway.core.GatewayException with {@code GRANT_EXISTS}
	 * when the project is already granted to the agent
	 */
	void insert(Grant grant);

	List<Grant> findByAgent(UUID agentId);

	Optional<Grant> findById(UUID grantId);

	boolean delete(UUID grantId);

	/**
	 * Changes the access of a grant in place (its id and project stay).
	 * @param grantId the grant
	 * @param access the new access
	 * @return whether the grant existed
	 */
	boolean updateAccess(UUID grantId, Access access);

}
