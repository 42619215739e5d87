package com.launcher.host.demo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.launcher.host.api.tasker.ProjectRole;
import com.launcher.host.api.tasker.TaskerClient;
import com.launcher.host.api.tasker.TaskerProject;
import com.launcher.host.api.tasker.TaskerUser;
import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserStatus;
import com.launcher.host.config.HostProperties;
import com.launcher.host.tasker.MybatisMembershipSource;
import com.launcher.host.user.MybatisUserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Seeds demo users ({@code admin}/{@code admin-demo}, {@code alice}/{@code alice-demo},
 * {@code bob}/{@code bob-demo}) and records their Tasker memberships as the host would
 * provision them. Runs before plugins start; does nothing outside demo mode.
 */
@Component
class DemoSeeder implements SmartInitializingSingleton {

	static final String WORKSPACE = "demo";

	private static final Logger logger = LoggerFactory.getLogger(DemoSeeder.class);

	private static final List<DemoUser> USERS = List.of(
			new DemoUser("00000000-0000-4000-8000-000000000001", "admin", "Ada Admin", true),
			new DemoUser("00000000-0000-4000-8000-000000000002", "alice", "Alice Liddell", false),
			new DemoUser("00000000-0000-4000-8000-000000000003", "bob", "Bob Builder", false));

	private final HostProperties properties;

	private final MybatisUserDirectory directory;

	private final MybatisMembershipSource memberships;

	private final TaskerClient tasker;

	private final PasswordEncoder passwords;

	DemoSeeder(HostProperties properties, MybatisUserDirectory directory, MybatisMembershipSource memberships,
			TaskerClient tasker, PasswordEncoder passwords) {
		this.properties = properties;
		this.directory = directory;
		this.memberships = memberships;
		this.tasker = tasker;
		this.passwords = passwords;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.properties.demo()) {
			return;
		}
		for (DemoUser user : USERS) {
			this.directory.insertDemoUser(
					new LauncherUser(UUID.fromString(user.id()), user.username(), user.displayName(),
							user.username() + "@launcher.local", UserStatus.ACTIVE, user.admin()),
					this.passwords.encode(user.username() + "-demo"));
		}
		try {
			Map<String, String> emails = Map.of("admin@launcher.local", "admin", "alice@launcher.local", "alice",
					"bob@launcher.local", "bob");
			for (TaskerProject project : this.tasker.listProjects(WORKSPACE)) {
				for (TaskerUser member : this.tasker.listProjectMembers(WORKSPACE, project.id())) {
					if (member.email() != null && emails.containsKey(member.email().toLowerCase())) {
						this.memberships.record(WORKSPACE, project.id(), member.email(), ProjectRole.MEMBER, true);
					}
				}
			}
			logger.info("Demo users and Tasker memberships seeded");
		}
		catch (RuntimeException ex) {
			logger.warn("Demo Tasker memberships not seeded: {}", ex.getMessage());
		}
	}

	private record DemoUser(String id, String username, String displayName, boolean admin) {
	}

}
