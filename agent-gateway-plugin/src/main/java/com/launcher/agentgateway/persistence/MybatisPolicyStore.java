package com.launcher.agentgateway.persistence;

import java.util.UUID;

import com.launcher.agentgateway.policy.Policy;
import com.launcher.agentgateway.policy.PolicyStore;
import org.apache.ibatis.session.SqlSession;

/**
 * The policy row of {@code agw_policy}. Saving it notifies {@link #CHANNEL}, so every
 * node's cached copy is dropped as the change commits ({@link PgChangeListener}).
 */
public class MybatisPolicyStore implements PolicyStore {

	/** The channel a policy change is announced on. */
	public static final String CHANNEL = "agw_policy";

	private final PolicyMapper policies;

	public MybatisPolicyStore(SqlSession sessions) {
		this.policies = sessions.getMapper(PolicyMapper.class);
	}

	@Override
	public Policy load() {
		Policy policy = this.policies.load();
		if (policy == null) {
			// The changelog inserts the row; without it nothing can be decided.
			throw new IllegalStateException("The policy row is missing");
		}
		return policy;
	}

	@Override
	public void save(Policy policy, UUID updatedBy) {
		this.policies.save(policy, updatedBy, CHANNEL);
	}

}
