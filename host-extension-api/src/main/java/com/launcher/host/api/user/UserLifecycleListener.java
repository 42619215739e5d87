package com.launcher.host.api.user;

import org.pf4j.ExtensionPoint;

/**
 * Extension point the host calls, in every started plugin, after a user's status change
 * is persisted. Host Spring events do not reach plugin contexts; this does. Delivery is
 * best effort: plugins must also check status at request time and reconcile periodically.
 */
public interface UserLifecycleListener extends ExtensionPoint {

	void onUserLifecycleEvent(UserLifecycleEvent event);

}
