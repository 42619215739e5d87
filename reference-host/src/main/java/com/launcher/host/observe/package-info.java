/**
 * Metrics and health of plugins, joined to the host's actuator: each plugin's view of the
 * host's meter registry, and its health checks under the host's {@code /actuator/health}.
 */
package com.launcher.host.observe;
