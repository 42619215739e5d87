package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.agent.AgentStore;
import com.launcher.agentgateway.grant.GrantStore;
import com.launcher.agentgateway.grant.GrantStoreContractTests;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcGrantStoreTests extends GrantStoreContractTests {

	private static HikariDataSource dataSource;

	private static JdbcGrantStore grants;

	private static JdbcAgentStore agents;

	@BeforeAll
	static void createDatabase() {
		dataSource = TestDatabase.newDatabase();
		grants = new JdbcGrantStore(TestDatabase.jdbc(dataSource));
		agents = new JdbcAgentStore(TestDatabase.jdbc(dataSource));
	}

	@AfterAll
	static void closeDatabase() {
		dataSource.close();
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
