package com.launcher.agentgateway.idempotency;

class InMemoryIdempotencyStoreTests extends IdempotencyStoreContractTests {

	private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();

	@Override
	protected IdempotencyStore store() {
		return this.store;
	}

}
