/**
 * The Launcher user directory in the host's own tables, its admin API, and the lifecycle
 * service that tells plugins about status changes.
 */
package com.launcher.host.user;
