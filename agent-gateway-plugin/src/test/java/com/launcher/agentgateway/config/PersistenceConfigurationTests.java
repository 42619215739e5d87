package com.launcher.agentgateway.config;

import java.net.URL;
import java.net.URLClassLoader;

import javax.sql.DataSource;

import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class PersistenceConfigurationTests {

	@Test
	void sqlSessionFactoryWhenTheContextClassLoaderKnowsNothingThenEveryMapperStillLoads() throws Exception {
		// As on a thread of the host: its context class loader cannot see the plugin.
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader foreign = new URLClassLoader(new URL[0], null)) {
			thread.setContextClassLoader(foreign);

			SqlSessionFactory factory = PersistenceConfiguration.sqlSessionFactory(mock(DataSource.class));

			assertThat(factory.getConfiguration().getMapperRegistry().getMappers())
				.hasSize(PersistenceConfiguration.MAPPERS.size());
			assertThat(factory.getConfiguration().getMappedStatementNames()).contains(
					"com.launcher.agentgateway.persistence.TokenMapper.findPresented",
					"com.launcher.agentgateway.persistence.AuditMapper.appendAll");
			assertThat(thread.getContextClassLoader()).as("restored").isSameAs(foreign);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

}
