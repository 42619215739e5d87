package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.ratelimit.WriteBudgetContractTests;
import org.junit.jupiter.api.BeforeAll;

import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcWriteBudgetTests extends WriteBudgetContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static JdbcWriteBudget budget;

	@BeforeAll
	static void createDatabase() {
		budget = new JdbcWriteBudget(TestDatabase.jdbc(DATABASE.dataSource()));
	}

	@Override
	protected WriteBudget writeBudget() {
		return budget;
	}

}
