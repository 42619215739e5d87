package com.launcher.host.api.web;

import java.util.Collection;

/**
 * Runtime registration of a plugin's web parts. Everything registered is removed when the
 * plugin stops, whether or not it unregisters itself.
 */
public interface PluginWebRegistry {

	/**
	 * Registers Spring MVC controllers. Their mappings are relative to the plugin's base
	 * path {@code /plugins/{pluginId}}.
	 * @param controllers objects whose methods carry request mapping annotations
	 * @return a handle that removes the routes again
	 */
	Registration registerControllers(Collection<?> controllers);

	/**
	 * Registers the plugin's Thymeleaf templates: view names starting with
	 * {@code {pluginId}/} resolve to {@code templates/{pluginId}/…} in the given class
	 * loader.
	 * @param classLoader the plugin's class loader
	 * @return a handle that removes the templates again
	 */
	Registration registerTemplates(ClassLoader classLoader);

	/**
	 * Protects a path of the plugin with bearer tokens that the plugin introspects. The
	 * host answers 401 with a {@code WWW-Authenticate} challenge (RFC 6750 §3) on refusal
	 * and serves protected resource metadata (RFC 9728 §3) for it.
	 * @param resource the protected path and its introspector
	 * @return a handle that removes the protection, after which the path answers 401
	 */
	Registration registerProtectedResource(ProtectedResource resource);

	/**
	 * Opens exact paths of the plugin to requests that the plugin authenticates itself (a
	 * webhook signature, OAuth 2.1 client rules for a token endpoint): the host serves
	 * them without human login, session, CSRF token, login redirect or bearer
	 * introspection, and ignores any {@code Authorization} header on them, which stays
	 * readable for the plugin (RFC 6749 §2.3.1 client credentials, for example). The
	 * plugin still maps the paths with {@link #registerControllers(Collection)}; CORS,
	 * when wanted, is the controller's own ({@code @CrossOrigin}).
	 * @param paths paths relative to the plugin base, for example {@code /oauth/token};
	 * none may be a protected resource
	 * @return a handle that closes the paths again, after which they need a login
	 */
	Registration registerPublicRoutes(Collection<String> paths);

	/**
	 * Publishes a well-known metadata document (RFC 8615) for the plugin: the host serves
	 * {@code GET /.well-known/{name}/plugins/{pluginId}} by asking the provider, which is
	 * the path-insertion form of RFC 8414 §3.1 for an issuer
	 * {@code {base}/plugins/{pluginId}} (and of OpenID Connect Discovery when the name is
	 * {@code openid-configuration}). The host answers JSON with {@code Cache-Control} and
	 * {@code Access-Control-Allow-Origin: *}, since browser-based MCP clients read
	 * metadata cross-origin, and 404 when the provider has nothing.
	 * @param name the well-known suffix, for example {@code oauth-authorization-server};
	 * not {@code oauth-protected-resource}, which the host publishes itself
	 * @param provider makes the document for one request
	 * @return a handle that removes the document again
	 */
	Registration registerWellKnown(String name, WellKnownProvider provider);

	/** Removes a registration; calling it twice is harmless. */
	interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
