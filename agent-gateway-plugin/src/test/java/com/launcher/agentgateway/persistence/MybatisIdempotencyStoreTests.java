package com.launcher.agentgateway.persistence;

import com.launcher.agentgateway.idempotency.IdempotencyStore;
import com.launcher.agentgateway.idempotency.IdempotencyStoreContractTests;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

class MybatisIdempotencyStoreTests extends IdempotencyStoreContractTests {

	@RegisterExtension
	static final DatabasePerClass DATABASE = new DatabasePerClass();

	private static MybatisIdempotencyStore store;

	@BeforeAll
	static void createDatabase() {
		store = new MybatisIdempotencyStore(TestDatabase.sessions(DATABASE.dataSource()));
	}

	@Override
	protected IdempotencyStore store() {
		return store;
	}

}
