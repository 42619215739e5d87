package com.launcher.agentgateway.policy;

import java.util.UUID;

/** Where the policy is kept (one row shared by every node). */
public interface PolicyStore {

	Policy load();

	void save(Policy policy, UUID updatedBy);

}
