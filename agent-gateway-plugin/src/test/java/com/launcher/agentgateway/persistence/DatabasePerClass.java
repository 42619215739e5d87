package com.launcher.agentgateway.persistence;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, migrated database for each test class ({@link TestDatabase#newDatabase()}),
 * made before the class's own {@code @BeforeAll} methods and closed after its
 * {@code @AfterAll} ones. Register it on a static field with {@code @RegisterExtension}.
 */
public final class DatabasePerClass implements BeforeAllCallback, AfterAllCallback {

	private HikariDataSource dataSource;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.dataSource = TestDatabase.newDatabase();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.dataSource.close();
	}

	/** The current class's database. */
	public HikariDataSource dataSource() {
		return this.dataSource;
	}

}
