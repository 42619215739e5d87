package com.launcher.tasker.client;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.launcher.host.api.tasker.ProjectMembership;
import com.launcher.host.api.tasker.ProjectRole;

/**
 * A {@link MembershipSource} held in memory, for tests and the demo.
 */
public class InMemoryMembershipSource implements MembershipSource {

	private final Map<Key, ProjectMembership> answers = new ConcurrentHashMap<>();

	public void setActive(String workspace, UUID projectId, String email, ProjectRole role) {
		this.answers.put(key(workspace, projectId, email), ProjectMembership.member(role, "host membership record"));
	}

	public void setInactive(String workspace, UUID projectId, String email) {
		this.answers.put(key(workspace, projectId, email), ProjectMembership.notMember("host membership record"));
	}

	public void forget(String workspace, UUID projectId, String email) {
		this.answers.remove(key(workspace, projectId, email));
	}

	@Override
	public Optional<ProjectMembership> lookup(String workspace, UUID projectId, String email) {
		return Optional.ofNullable(this.answers.get(key(workspace, projectId, email)));
	}

	private static Key key(String workspace, UUID projectId, String email) {
		return new Key(Objects.requireNonNull(workspace, "workspace"), Objects.requireNonNull(projectId, "projectId"),
				Objects.requireNonNull(email, "email").toLowerCase(Locale.ROOT));
	}

	private record Key(String workspace, UUID projectId, String email) {
	}

}
