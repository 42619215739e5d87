/**
 * Host security: humans through form login, JWT bearer and (demo) HTTP Basic; agents
 * through plugins' opaque-token introspectors on their protected resources (RFC 6750, RFC
 * 9728).
 */
package com.launcher.host.security;
