package com.launcher.host.api.tasker;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A Tasker project as the agent user sees it.
 *
 * @param id the project id
 * @param identifier the uppercase key of readable work-item ids, for example {@code WEB}
 * @param name the display name
 * @param callerIsMember whether the agent user is a member (public projects are listed
 * even when it is not)
 * @param callerRole the agent user's role, when it is a member
 * @param archived whether the project is archived
 */
public record TaskerProject(UUID id, String identifier, String name, boolean callerIsMember,
		Optional<ProjectRole> callerRole, boolean archived) {

	public TaskerProject {
		Objects.requireNonNull(id, "id");
		Checks.text(identifier, "identifier", 12);
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(callerRole, "callerRole");
	}

}
