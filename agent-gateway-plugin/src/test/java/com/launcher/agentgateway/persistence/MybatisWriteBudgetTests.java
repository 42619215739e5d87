package com.launcher.agentgateway.persistence;

import java.time.LocalDate;
import java.util.UUID;

import com.launcher.agentgateway.ratelimit.WriteBudget;
import com.launcher.agentgateway.ratelimit.WriteBudgetContractTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class MybatisWriteBudgetTests extends WriteBudgetContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static MybatisWriteBudget budget;

	@BeforeAll
	static void createDatabase() {
		budget = new MybatisWriteBudget(TestDatabase.sessions(DATABASE.dataSource()));
	}

	@Override
	protected WriteBudget writeBudget() {
		return budget;
	}

	@Test
	void tryConsumeWhenCalledThenOneStatementWhetherSpentOrRefused() {
		CountingDataSource counting = new CountingDataSource(DATABASE.dataSource());
		MybatisWriteBudget counted = new MybatisWriteBudget(TestDatabase.sessions(counting.dataSource()));
		UUID agent = UUID.randomUUID();
		LocalDate day = LocalDate.of(2026, 12, 1);

		assertThat(counted.tryConsume(agent, day, 1)).isTrue();
		assertThat(counted.tryConsume(agent, day, 1)).isFalse();

		assertThat(counting.statements()).isEqualTo(2);
	}

}
