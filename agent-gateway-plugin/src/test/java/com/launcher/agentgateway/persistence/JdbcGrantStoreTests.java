package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.grant.GrantStoreContractTests;
import org.junit.jupiter.api.BeforeAll;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcGrantStoreTests extends GrantStoreContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static JdbcGrantStore grants;

	private static JdbcAgentStore agents;

	@BeforeAll
	static void createDatabase() {
		grants = new JdbcGrantStore(TestDatabase.jdbc(DATABASE.dataSource()));
		agents = new JdbcAgentStore(TestDatabase.jdbc(DATABASE.dataSource()));
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
