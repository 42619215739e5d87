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
	 * and serves protected resource metadata (RFC 9728) for it.
	 * @param resource the protected path and its introspector
	 * @return a handle that removes the protection, after which the path answers 401
	 */
	Registration registerProtectedResource(ProtectedResource resource);

	/** Removes a registration; calling it twice is harmless. */
	interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
