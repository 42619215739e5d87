package com.launcher.host.user;

import java.util.List;
import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserLifecycleEvent;
import com.launcher.host.web.HostCurrentUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The host's user admin API (platform admins only): list users, block, annul, reactivate.
 */
@RestController
@RequestMapping("/launcher/api/users")
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class UserAdminController {

	private final MybatisUserDirectory directory;

	private final UserLifecycleService lifecycle;

	private final HostCurrentUser currentUser;

	UserAdminController(MybatisUserDirectory directory, UserLifecycleService lifecycle, HostCurrentUser currentUser) {
		this.directory = directory;
		this.lifecycle = lifecycle;
		this.currentUser = currentUser;
	}

	@GetMapping
	List<UserView> list() {
		return this.directory.findAll().stream().map(UserView::of).toList();
	}

	@PostMapping("/{id}/block")
	UserView block(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean notifyPlugins) {
		return change(id, UserLifecycleEvent.Kind.BLOCKED, notifyPlugins);
	}

	@PostMapping("/{id}/annul")
	UserView annul(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean notifyPlugins) {
		return change(id, UserLifecycleEvent.Kind.ANNULLED, notifyPlugins);
	}

	@PostMapping("/{id}/reactivate")
	UserView reactivate(@PathVariable UUID id, @RequestParam(defaultValue = "true") boolean notifyPlugins) {
		return change(id, UserLifecycleEvent.Kind.REACTIVATED, notifyPlugins);
	}

	@ExceptionHandler(UserNotFoundException.class)
	ProblemDetail notFound() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such user.");
		problem.setProperty("code", "user_not_found");
		return problem;
	}

	private UserView change(UUID id, UserLifecycleEvent.Kind kind, boolean notifyPlugins) {
		UUID actor = this.currentUser.require().id();
		return UserView.of(this.lifecycle.change(id, kind, actor, notifyPlugins));
	}

	record UserView(UUID id, String username, String displayName, String email, String status, boolean platformAdmin) {

		static UserView of(LauncherUser user) {
			return new UserView(user.id(), user.username(), user.displayName(), user.email(), user.status().name(),
					user.platformAdmin());
		}

	}

}
