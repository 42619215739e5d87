package com.launcher.agentgateway.persistence;

import java.time.Duration;

import com.launcher.agentgateway.config.PersistenceConfiguration;
import org.apache.ibatis.executor.resultset.DefaultResultSetHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class RowReadingConfigurationTests {

	private static Configuration configuration;

	@BeforeAll
	static void parseTheMappers() throws Exception {
		// Parsing the mapper files opens no connection.
		configuration = PersistenceConfiguration.sqlSessionFactory(new SimpleDriverDataSource(), Duration.ofSeconds(4))
			.getConfiguration();
	}

	@Test
	void newResultSetHandlerWhenTheResultTypeHasARowTypeHandlerThenRowsSkipMybatisMapping() {
		assertThat(handler("TokenMapper.findPresented", RowBounds.DEFAULT))
			.isNotInstanceOf(DefaultResultSetHandler.class);
	}

	@Test
	void newResultSetHandlerWhenARefusedTokensFailureIsCountedThenItsRowSkipsMybatisMapping() {
		assertThat(handler("SourceThrottleMapper.recordFailure", RowBounds.DEFAULT))
			.isNotInstanceOf(DefaultResultSetHandler.class);
	}

	@Test
	void newResultSetHandlerWhenTheResultIsMappedByColumnsThenMybatisHandlesIt() {
		assertThat(handler("TokenMapper.findById", RowBounds.DEFAULT)).isInstanceOf(DefaultResultSetHandler.class);
	}

	@Test
	void newResultSetHandlerWhenTheCallBoundsItsRowsThenMybatisHandlesIt() {
		// Only MyBatis applies an offset and a limit.
		assertThat(handler("TokenMapper.findPresented", new RowBounds(1, 10)))
			.isInstanceOf(DefaultResultSetHandler.class);
	}

	@Test
	void newResultSetHandlerWhenTheCallHandlesItsOwnResultsThenMybatisHandlesIt() {
		MappedStatement statement = statement("TokenMapper.findPresented");

		ResultHandler<Object> own = (context) -> {
		};

		ResultSetHandler handler = configuration.newResultSetHandler(null, statement, RowBounds.DEFAULT, null, own,
				null);

		assertThat(handler).isInstanceOf(DefaultResultSetHandler.class);
	}

	private static ResultSetHandler handler(String id, RowBounds bounds) {
		MappedStatement statement = statement(id);
		return configuration.newResultSetHandler(null, statement, bounds, null, null, null);
	}

	private static MappedStatement statement(String id) {
		return configuration.getMappedStatement("com.launcher.agentgateway.persistence." + id);
	}

}
