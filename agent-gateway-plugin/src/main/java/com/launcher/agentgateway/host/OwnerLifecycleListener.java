package com.launcher.agentgateway.host;

import com.launcher.agentgateway.agent.Owner;
import com.launcher.agentgateway.token.OwnerLifecycleService;
import com.launcher.host.api.user.UserLifecycleEvent;
import com.launcher.host.api.user.UserLifecycleListener;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's lifecycle events, the first of the three owner-lifecycle layers. The host
 * asks the plugin for this extension's instance, which is a bean of the plugin's context.
 */
@Extension
public class OwnerLifecycleListener implements UserLifecycleListener {

	private static final Logger logger = LoggerFactory.getLogger(OwnerLifecycleListener.class);

	private final OwnerLifecycleService lifecycle;

	public OwnerLifecycleListener(OwnerLifecycleService lifecycle) {
		this.lifecycle = lifecycle;
	}

	@Override
	public void onUserLifecycleEvent(UserLifecycleEvent event) {
		switch (event.kind()) {
			case BLOCKED -> this.lifecycle.apply(event.userId(), Owner.OwnerStatus.BLOCKED, "lifecycle_event");
			case ANNULLED -> this.lifecycle.apply(event.userId(), Owner.OwnerStatus.ANNULLED, "lifecycle_event");
			case REACTIVATED -> this.lifecycle.reactivated(event.userId(), "lifecycle_event");
		}
		logger.info("Applied lifecycle event {} ({}) for user {}", event.eventId(), event.kind(), event.userId());
	}

}
