/**
 * The platform admin's policy: token lifetimes, limits, write budget, connection-status
 * thresholds and reporting mode.
 */
package com.launcher.agentgateway.policy;
