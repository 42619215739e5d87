package com.launcher.host.db;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A real PostgreSQL with the host's Liquibase changelog applied (one per test JVM, shared
 * by the test classes, which use rows of their own), and a context holding the host's
 * MyBatis configuration and the given beans.
 */
public final class TestDatabases {

	private static EmbeddedPostgres shared;

	private TestDatabases() {
	}

	/** The server of this test JVM, started on first use and stopped with the JVM. */
	public static synchronized EmbeddedPostgres shared() {
		if (shared == null) {
			shared = start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					shared.close();
				}
				catch (IOException ex) {
					// The JVM is ending; nothing to do.
				}
			}));
		}
		return shared;
	}

	private static EmbeddedPostgres start() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
			SpringLiquibase liquibase = new SpringLiquibase();
			liquibase.setDataSource(postgres.getPostgresDatabase());
			liquibase.setChangeLog("classpath:db/launcher/changelog.xml");
			liquibase.setDatabaseChangeLogTable("launcher_databasechangelog");
			liquibase.setDatabaseChangeLogLockTable("launcher_databasechangeloglock");
			liquibase.setResourceLoader(new DefaultResourceLoader());
			liquibase.afterPropertiesSet();
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A context with the data source, the host's MyBatis and the given components. */
	public static AnnotationConfigApplicationContext context(EmbeddedPostgres postgres, Class<?>... components) {
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getBeanFactory().registerSingleton("dataSource", (DataSource) postgres.getPostgresDatabase());
		context.register(MybatisConfiguration.class);
		context.register(components);
		context.refresh();
		return context;
	}

}
