/**
 * The only place beans are wired: the plugin's child Spring context (parent = the
 * host's).
 */
package com.launcher.agentgateway.config;
