package com.launcher.agentgateway.persistence;

import java.time.Instant;
import java.util.UUID;

import com.launcher.agentgateway.grant.MembershipCache;

/** The statements of {@code MembershipCacheMapper.xml}. */
interface MembershipCacheMapper {

	MembershipCache.Entry find(Key key);

	void remember(Answer answer);

	int forgetPerson(Person person);

	int forgetProject(Project project);

	int prune(Key key);

	/**
	 * @param workspace workspace slug
	 * @param projectId project
	 * @param email lower-case address
	 * @param boundMs the bound
	 * @param now the time, or null for the database's
	 */
	record Key(String workspace, UUID projectId, String email, long boundMs, Instant now) {
	}

	record Answer(String workspace, UUID projectId, String email, UUID ownerUserId, boolean member, String role,
			Instant now) {
	}

	record Person(UUID ownerUserId, String email) {
	}

	record Project(String workspace, UUID projectId) {
	}

}
