package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.grant.GrantStoreContractTests;
import org.junit.jupiter.api.BeforeAll;

import org.junit.jupiter.api.extension.RegisterExtension;

class MybatisGrantStoreTests extends GrantStoreContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static MybatisGrantStore grants;

	private static MybatisAgentStore agents;

	@BeforeAll
	static void createDatabase() {
		grants = new MybatisGrantStore(TestDatabase.sessions(DATABASE.dataSource()));
		agents = new MybatisAgentStore(TestDatabase.sessions(DATABASE.dataSource()));
	}

	@Override
	protected GrantStore grantStore() {
		return grants;
	}

	@Override
	protected AgentStore agentStore() {
		return agents;
	}

}
