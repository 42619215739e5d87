/**
 * How a plugin joins the host's web and security stack: routes under
 * {@code /plugins/{pluginId}/}, templates under its own prefix, a bearer-token
 * introspector for its protected resource (RFC 6750, RFC 9728), public routes it
 * authenticates itself, well-known metadata documents (RFC 8615, RFC 8414), and the
 * identity and external base URL of the current request.
 */
package com.launcher.host.api.web;
