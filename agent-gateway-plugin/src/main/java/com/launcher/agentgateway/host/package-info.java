/**
 * Adapters to the Launcher host: its user directory (owner status), its secrets (token
 * hashing), its request identity, the bearer-token introspector it calls, the user
 * lifecycle extension, the periodic owner sync, and project lookups through its Tasker
 * client.
 */
package com.launcher.agentgateway.host;
