package com.launcher.agentgateway.web;

import com.launcher.agentgateway.core.Actor;
import com.launcher.agentgateway.core.ErrorCode;
import com.launcher.agentgateway.core.GatewayException;
import com.launcher.host.api.LauncherPluginContext;
import com.launcher.host.api.user.LauncherUser;

/** The signed-in human behind a REST or page request, as an {@link Actor}. */
public class CurrentActor {

	private final LauncherPluginContext context;

	public CurrentActor(LauncherPluginContext context) {
		this.context = context;
	}

	public Actor require() {
		LauncherUser user = user();
		return new Actor(user.id(), user.platformAdmin());
	}

	public LauncherUser user() {
		return this.context.requestIdentity()
			.currentUser()
			.orElseThrow(() -> new GatewayException(ErrorCode.FORBIDDEN));
	}

	/** The user for an error page's header, or null when nobody is signed in. */
	LauncherUser userIfSignedIn() {
		return this.context.requestIdentity().currentUser().orElse(null);
	}

}
