/**
 * Adapters to the Launcher host: its user directory (owner status), its secrets (token
 * hashing), its request identity, the bearer-token introspector it calls, the user
 * lifecycle extension and the periodic owner sync. Tasker is reached through the
 * {@code tasker} adapters.
 */
package com.launcher.agentgateway.host;
