package com.launcher.host.tasker;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.launcher.host.api.tasker.ProjectRole;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host's record of Tasker memberships (platform admins): what a production Launcher
 * would keep in step with its provisioning of Tasker projects.
 */
@RestController
@RequestMapping("/launcher/api/tasker-memberships")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class MembershipAdminController {

	private final MybatisMembershipSource memberships;

	MembershipAdminController(MybatisMembershipSource memberships) {
		this.memberships = memberships;
	}

	@PutMapping
	ResponseEntity<Map<String, Object>> put(@RequestBody Membership body) {
		if (body.workspace() == null || body.projectId() == null || body.email() == null || body.active() == null) {
			return ResponseEntity.badRequest().body(Map.of("code", "validation_failed"));
		}
		ProjectRole role = (body.role() != null) ? ProjectRole.valueOf(body.role().toUpperCase(Locale.ROOT))
				: ProjectRole.MEMBER;
		this.memberships.record(body.workspace(), body.projectId(), body.email(), role, body.active());
		return ResponseEntity.ok(Map.of("workspace", body.workspace(), "projectId", body.projectId(), "email",
				body.email(), "active", body.active()));
	}

	record Membership(String workspace, UUID projectId, String email, String role, Boolean active) {
	}

}
