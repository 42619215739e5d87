package com.launcher.host.user;

import java.time.Clock;
import java.util.UUID;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.api.user.UserLifecycleEvent;
import com.launcher.host.api.user.UserStatus;
import com.launcher.host.plugin.PluginHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Changes a user's status, persists it, ends the user's sessions on this host when they
 * may no longer act, then tells every started plugin through the
 * {@link com.launcher.host.api.user.UserLifecycleListener} extension point.
 */
@Service
public class UserLifecycleService {

	private static final Logger logger = LoggerFactory.getLogger(UserLifecycleService.class);

	private final MybatisUserDirectory directory;

	private final PluginHost pluginHost;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	public UserLifecycleService(MybatisUserDirectory directory, PluginHost pluginHost, Clock clock,
			ApplicationEventPublisher events) {
		this.directory = directory;
		this.pluginHost = pluginHost;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * Applies a lifecycle change.
	 * @param userId the user
	 * @param kind what happens
	 * @param actor the admin acting
	 * @param notifyPlugins whether to announce it (tests switch it off to prove the other
	 * layers)
	 * @return the user after the change
	 * @throws UserNotFoundException when there is no such user
	 */
	public LauncherUser change(UUID userId, UserLifecycleEvent.Kind kind, UUID actor, boolean notifyPlugins) {
		UserStatus previous = this.directory.updateStatus(userId, kind.status())
			.orElseThrow(() -> new UserNotFoundException(userId));
		LauncherUser user = this.directory.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
		logger.info("User {} status {} -> {} by {}", userId, previous, kind.status(), actor);
		// The host's own sessions end whether or not plugins are told.
		this.events.publishEvent(new UserStatusChangedEvent(user));
		if (notifyPlugins) {
			this.pluginHost.publishUserLifecycleEvent(
					new UserLifecycleEvent(UUID.randomUUID(), userId, kind, previous, actor, this.clock.instant()));
		}
		return user;
	}

}
