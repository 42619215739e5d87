package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.ratelimit.WriteBudgetContractTests;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JdbcWriteBudgetTests extends WriteBudgetContractTests {

	private static HikariDataSource dataSource;

	private static JdbcWriteBudget budget;

	@BeforeAll
	static void createDatabase() {
		dataSource = TestDatabase.newDatabase();
		budget = new JdbcWriteBudget(TestDatabase.jdbc(dataSource));
	}

	@AfterAll
	static void closeDatabase() {
		dataSource.close();
	}

	@Override
	protected WriteBudget writeBudget() {
		return budget;
	}

}
