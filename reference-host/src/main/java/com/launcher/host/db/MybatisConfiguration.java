package com.launcher.host.db;

import java.io.IOException;
import java.time.Duration;

import javax.sql.DataSource;

import com.launcher.host.config.HostProperties;
import com.launcher.host.tasker.MembershipMapper;
import com.launcher.host.user.LauncherUserTypeHandler;
import com.launcher.host.user.UserMapper;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.LocalCacheScope;
import org.mybatis.spring.SqlSessionFactoryBean;
import org.mybatis.spring.annotation.MapperScan;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * MyBatis for the host's own tables ({@code launcher_*}), with the SQL in mapper XML
 * under {@code db/launcher/mappers/}.
 *
 * <p>
 * The host's session factory is not a default candidate for injection, and the starter's
 * auto-configuration (which would make one that is) is excluded: each plugin's child
 * context resolves its dependencies through this context too, and a plugin that asks for
 * "a SqlSessionFactory" must get its own, never the host's.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@MapperScan(basePackageClasses = { UserMapper.class, MembershipMapper.class }, markerInterface = LauncherMapper.class,
		sqlSessionFactoryRef = "launcherSqlSessionFactory")
public class MybatisConfiguration {

	@Bean(defaultCandidate = false)
	SqlSessionFactoryBean launcherSqlSessionFactory(DataSource dataSource, HostProperties properties)
			throws IOException {
		Duration timeout = properties.database().statementTimeout();
		SqlSessionFactoryBean factory = new SqlSessionFactoryBean();
		factory.setDataSource(new StatementBoundDataSource(dataSource, timeout));
		factory.setMapperLocations(
				new PathMatchingResourcePatternResolver().getResources("classpath:db/launcher/mappers/*.xml"));
		factory.setTypeHandlers(new UuidTypeHandler(), new LauncherUserTypeHandler());
		Configuration configuration = new RowReadingConfiguration();
		configuration.setMapUnderscoreToCamelCase(true);
		// Each statement is its own short session on the request path: a cache would
		// only cost every call its key, and could serve a user's status after a block.
		configuration.setCacheEnabled(false);
		configuration.setLocalCacheScope(LocalCacheScope.STATEMENT);
		// Statements are short and run on the request thread: bound them, so a stuck
		// database turns into an error, not a hung request. The server cancels a slow
		// statement; the data source's network timeout ends one a hung server never
		// answers.
		configuration.setDefaultStatementTimeout(Math.toIntExact(Math.max(1, timeout.toSeconds())));
		factory.setConfiguration(configuration);
		return factory;
	}

}
