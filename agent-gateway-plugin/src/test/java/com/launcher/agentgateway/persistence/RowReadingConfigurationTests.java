package com.launcher.agentgateway.persistence;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.config.PersistenceConfiguration;
import org.apache.ibatis.executor.resultset.DefaultResultSetHandler;
import org.apache.ibatis.executor.resultset.ResultSetHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.type.UnknownTypeHandler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	@ParameterizedTest
	@ValueSource(strings = { "TokenMapper.findPresented", "SourceThrottleMapper.recordFailure",
			"AuditMapper.appendAfter", "AuditMapper.appendOneAfter" })
	void newResultSetHandlerWhenTheResultTypeHasARowTypeHandlerThenRowsSkipMybatisMapping(String id) {
		assertThat(handler(id, RowBounds.DEFAULT)).isNotInstanceOf(DefaultResultSetHandler.class);
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

	@ParameterizedTest
	@ValueSource(strings = { "TokenMapper.findPresented", "SourceThrottleMapper.recordFailure",
			"AuditMapper.appendAfter", "AuditMapper.appendOneAfter" })
	void parameterMappingsWhenAStatementIsOnEveryRequestsPathThenEachNamesItsTypeHandlerAtParse(String id) {
		// Without a declared type MyBatis looks the handler up by the value's class on
		// every call: a tenth of a refused token's CPU in the introspection benchmark.
		List<ParameterMapping> mappings = statement(id).getBoundSql(Map.of()).getParameterMappings();

		assertThat(mappings).isNotEmpty()
			.allSatisfy((mapping) -> assertThat(mapping.getTypeHandler()).as(mapping.getProperty())
				.isNotInstanceOf(UnknownTypeHandler.class));
	}

	private static ResultSetHandler handler(String id, RowBounds bounds) {
		MappedStatement statement = statement(id);
		return configuration.newResultSetHandler(null, statement, bounds, null, null, null);
	}

	private static MappedStatement statement(String id) {
		return configuration.getMappedStatement("com.launcher.agentgateway.persistence." + id);
	}

}
