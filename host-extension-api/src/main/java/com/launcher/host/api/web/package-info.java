/**
 * How a plugin joins the host's web and security stack: routes under
 * {@code /plugins/{pluginId}/}, templates under its own prefix, a bearer-token
 * introspector for its protected resource (RFC 6750, RFC 9728), and the identity of the
 * current caller.
 */
package com.launcher.host.api.web;
