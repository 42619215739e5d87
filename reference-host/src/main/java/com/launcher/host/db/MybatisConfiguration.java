package com.launcher.host.db;

import java.io.IOException;

import javax.sql.DataSource;

import com.launcher.host.tasker.MembershipMapper;
import com.launcher.host.user.UserMapper;
import org.apache.ibatis.session.Configuration;
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
	SqlSessionFactoryBean launcherSqlSessionFactory(DataSource dataSource) throws IOException {
		SqlSessionFactoryBean factory = new SqlSessionFactoryBean();
		factory.setDataSource(dataSource);
		factory.setMapperLocations(
				new PathMatchingResourcePatternResolver().getResources("classpath:db/launcher/mappers/*.xml"));
		factory.setTypeHandlers(new UuidTypeHandler());
		Configuration configuration = new Configuration();
		configuration.setMapUnderscoreToCamelCase(true);
		// Statements are short and run on the request thread: bound them, so a stuck
		// database turns into an error, not a hung request.
		configuration.setDefaultStatementTimeout(10);
		factory.setConfiguration(configuration);
		return factory;
	}

}
