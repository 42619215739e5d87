package com.launcher.host.api.health;

/**
 * Where a plugin adds its health checks to the host's health. Everything registered is
 * removed when the plugin stops, even if the plugin forgets to close it.
 */
public interface PluginHealth {

	/**
	 * Adds a check, shown under the plugin's entry in the host's health.
	 * @param name a short name, lower case letters, digits and {@code -}
	 * ({@code database})
	 * @param check the check
	 * @return a handle that removes the check again
	 */
	Registration register(String name, HealthCheck check);

	/** Removes what it stands for when closed; closing twice is harmless. */
	interface Registration extends AutoCloseable {

		@Override
		void close();

	}

}
