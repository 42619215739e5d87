/**
 * The shared kernel of the gateway's domain: who acts
 * ({@link com.launcher.agentgateway.core.Actor}), the one error model
 * ({@link com.launcher.agentgateway.core.ErrorCode}) and time.
 */
package com.launcher.agentgateway.core;
