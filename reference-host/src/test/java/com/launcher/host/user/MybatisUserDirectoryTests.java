package com.launcher.host.user;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;
import com.launcher.host.db.TestDatabases;
import com.launcher.host.db.UuidTypeHandler;
import org.apache.ibatis.executor.resultset.DefaultResultSetHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.RowBounds;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The user directory's statements on a real PostgreSQL with the host's schema. */
class MybatisUserDirectoryTests {

	private static AnnotationConfigApplicationContext context;

	private static MybatisUserDirectory directory;

	@BeforeAll
	static void start() {
		context = TestDatabases.context(TestDatabases.shared(), MybatisUserDirectory.class);
		directory = context.getBean(MybatisUserDirectory.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void findWhenInsertedThenReadBackByIdAndUsername() {
		LauncherUser user = user("carol", true);
		directory.insert(user, "{noop}pw");
		assertThat(directory.findById(user.id())).contains(user);
		assertThat(directory.findByUsername("carol")).contains(user);
		assertThat(directory.findByUsername("nobody")).isEmpty();
		assertThat(directory.findById(UUID.randomUUID())).isEmpty();
	}

	@Test
	void findByIdWhenReadThenTheRowGoesStraightToItsTypeHandler() {
		// Every bearer request of a plugin reads its owner's row: MyBatis's column
		// metadata and mapping are skipped for it (RowReadingConfiguration), unless a
		// call bounds its rows, which only MyBatis applies.
		Configuration configuration = context.getBean("launcherSqlSessionFactory", SqlSessionFactory.class)
			.getConfiguration();
		MappedStatement byId = configuration.getMappedStatement("com.launcher.host.user.UserMapper.findById");

		assertThat(configuration.newResultSetHandler(null, byId, RowBounds.DEFAULT, null, null, null))
			.isNotInstanceOf(DefaultResultSetHandler.class);
		assertThat(configuration.newResultSetHandler(null, byId, new RowBounds(1, 1), null, null, null))
			.isInstanceOf(DefaultResultSetHandler.class);
	}

	@Test
	void findByIdWhenBoundThenItsParameterNamesItsTypeHandlerAtParse() {
		// Without a declared type MyBatis looks the handler up by the value's class on
		// every call, and every bearer request runs this statement.
		MappedStatement byId = context.getBean("launcherSqlSessionFactory", SqlSessionFactory.class)
			.getConfiguration()
			.getMappedStatement("com.launcher.host.user.UserMapper.findById");

		assertThat(byId.getBoundSql(UUID.randomUUID()).getParameterMappings()).singleElement()
			.satisfies((id) -> assertThat(id.getTypeHandler()).isInstanceOf(UuidTypeHandler.class));
	}

	@Test
	void findByIdWhenMappedThenTheDriverKeepsNoCancelTimerForItWhileWritesKeepTheDefault() {
		// A read waits for no row lock; the data source's network timeout bounds it.
		Configuration configuration = context.getBean("launcherSqlSessionFactory", SqlSessionFactory.class)
			.getConfiguration();

		assertThat(configuration.getMappedStatement("com.launcher.host.user.UserMapper.findById").getTimeout())
			.isZero();
		assertThat(configuration.getMappedStatement("com.launcher.host.user.UserMapper.updateStatus").getTimeout())
			.isNull();
		assertThat(configuration.getDefaultStatementTimeout()).isEqualTo(4);
	}

	@Test
	void accountWhenInsertedThenCarriesTheHashAndTheUser() {
		LauncherUser user = user("dave", false);
		directory.insert(user, "{noop}secret");
		UserAccount account = directory.account("dave").orElseThrow();
		assertThat(account.user()).isEqualTo(user);
		assertThat(account.passwordHash()).isEqualTo("{noop}secret");
		assertThat(account.toString()).doesNotContain("secret");
	}

	@Test
	void accountWhenSeededByDemoModeThenMarkedDemoUser() {
		directory.insertDemoUser(user("demo-ivy", false), "{noop}ivy-demo");
		directory.insert(user("real-jack", false), "{noop}jack");
		assertThat(directory.account("demo-ivy")).hasValueSatisfying((a) -> assertThat(a.demoUser()).isTrue());
		assertThat(directory.account("real-jack")).hasValueSatisfying((a) -> assertThat(a.demoUser()).isFalse());
	}

	@Test
	void insertWhenUsernameTakenThenFirstKept() {
		LauncherUser first = user("erin", false);
		directory.insert(first, null);
		directory.insert(
				new LauncherUser(UUID.randomUUID(), "erin", "Other", "other@launcher.local", UserStatus.BLOCKED, true),
				null);
		assertThat(directory.findByUsername("erin")).contains(first);
	}

	@Test
	void updateStatusWhenUserExistsThenAnswersPreviousStatus() {
		LauncherUser user = user("frank", false);
		directory.insert(user, null);
		assertThat(directory.updateStatus(user.id(), UserStatus.BLOCKED)).contains(UserStatus.ACTIVE);
		assertThat(directory.updateStatus(user.id(), UserStatus.ANNULLED)).contains(UserStatus.BLOCKED);
		assertThat(directory.findById(user.id()))
			.hasValueSatisfying((found) -> assertThat(found.status()).isEqualTo(UserStatus.ANNULLED));
		assertThat(directory.updateStatus(UUID.randomUUID(), UserStatus.BLOCKED)).isEmpty();
	}

	@Test
	void statusesWhenSomeIdsUnknownThenOnlyKnownOnes() {
		LauncherUser a = user("gina", false);
		LauncherUser b = user("hank", false);
		directory.insert(a, null);
		directory.insert(b, null);
		directory.updateStatus(b.id(), UserStatus.BLOCKED);
		assertThat(directory.statuses(List.of(a.id(), b.id(), UUID.randomUUID())))
			.isEqualTo(Map.of(a.id(), UserStatus.ACTIVE, b.id(), UserStatus.BLOCKED));
		assertThat(directory.statuses(List.of())).isEmpty();
	}

	@Test
	void findAllWhenSeveralThenOrderedByUsername() {
		directory.insert(user("zed", false), null);
		directory.insert(user("amy", false), null);
		List<String> names = directory.findAll().stream().map(LauncherUser::username).toList();
		assertThat(names).isSorted().contains("amy", "zed");
	}

	private static LauncherUser user(String name, boolean admin) {
		return new LauncherUser(UUID.randomUUID(), name, name.toUpperCase(), name + "@launcher.local",
				UserStatus.ACTIVE, admin);
	}

}
