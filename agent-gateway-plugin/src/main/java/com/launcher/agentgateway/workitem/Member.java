package com.launcher.agentgateway.workitem;

import java.util.Objects;
import java.util.UUID;

/**
 * A person with a membership row in a project, as agents may see them: no e-mail.
 *
 * @param id the Tasker user id
 * @param displayName the name, inert
 */
public record Member(UUID id, String displayName) {

	public Member {
		Objects.requireNonNull(id, "id");
		displayName = (displayName != null) ? displayName : "";
	}

}
