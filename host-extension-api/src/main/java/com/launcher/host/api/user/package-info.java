/**
 * Launcher users, their status (active, blocked, annulled) and the lifecycle extension
 * point through which the host tells plugins about status changes.
 */
package com.launcher.host.api.user;
