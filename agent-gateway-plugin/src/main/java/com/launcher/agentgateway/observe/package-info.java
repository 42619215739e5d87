/**
 * The gateway seen from outside (issue 18): meters in the host's registry, health checks
 * joined to the host's health, and the decorators that feed them around the Tasker
 * client, the audit log and the token introspector, and the audit stream's file for a
 * SIEM. An adapter: it depends on the domain and the host contract only, and the wiring
 * in {@code config} puts it in place.
 */
package com.launcher.agentgateway.observe;
