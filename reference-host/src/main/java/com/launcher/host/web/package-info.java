/**
 * The host's web side of plugins: runtime routes under {@code /plugins/{id}/}, the
 * delegating template resolver, plugin static files, request ids and caller identity.
 */
package com.launcher.host.web;
