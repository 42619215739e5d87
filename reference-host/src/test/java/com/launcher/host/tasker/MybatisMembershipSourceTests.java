package com.launcher.host.tasker;

import java.util.UUID;

import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.host.db.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The host's membership record on a real PostgreSQL with the host's schema. */
class MybatisMembershipSourceTests {

	private static AnnotationConfigApplicationContext context;

	private static MybatisMembershipSource memberships;

	@BeforeAll
	static void start() {
		context = TestDatabases.context(TestDatabases.shared(), MybatisMembershipSource.class);
		memberships = context.getBean(MybatisMembershipSource.class);
	}

	@AfterAll
	static void stop() {
		context.close();
	}

	@Test
	void lookupWhenRecordedThenMemberWithRoleWhateverTheEmailsCase() {
		UUID project = UUID.randomUUID();
		memberships.record("demo", project, " Alice@Launcher.Local ", ProjectRole.ADMIN, true);
		assertThat(memberships.lookup("demo", project, "alice@launcher.local"))
			.contains(ProjectMembership.member(ProjectRole.ADMIN, "launcher membership record"));
		assertThat(memberships.lookup("demo", project, "ALICE@launcher.local")).isPresent();
	}

	@Test
	void lookupWhenRecordedInactiveThenNotMember() {
		UUID project = UUID.randomUUID();
		memberships.record("demo", project, "bob@launcher.local", ProjectRole.MEMBER, true);
		memberships.record("demo", project, "bob@launcher.local", ProjectRole.MEMBER, false);
		assertThat(memberships.lookup("demo", project, "bob@launcher.local"))
			.contains(ProjectMembership.notMember("launcher membership record: removed"));
	}

	@Test
	void lookupWhenNothingRecordedThenEmpty() {
		assertThat(memberships.lookup("demo", UUID.randomUUID(), "carol@launcher.local")).isEmpty();
		assertThat(memberships.lookup("other", UUID.randomUUID(), "alice@launcher.local")).isEmpty();
	}

}
