package com.launcher.agentgateway.persistence;

import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;

/** The statements of {@code PolicyMapper.xml}. */
interface PolicyMapper {

	Policy load();

	void save(Policy policy, UUID by, String channel);

}
