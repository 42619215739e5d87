package com.launcher.host.api;

import java.util.Optional;

import org.pf4j.Plugin;

/**
 * Base class of every Launcher plugin: a PF4J {@link Plugin} constructed by the host with
 * the {@link LauncherPluginContext} it may use.
 *
 * <p>
 * Lifecycle: the host constructs the plugin once per class loader, calls {@link #start()}
 * and {@link #stop()} (possibly several times), and drops the instance on unload.
 */
public abstract class LauncherPlugin extends Plugin {

	private final LauncherPluginContext context;

	protected LauncherPlugin(LauncherPluginContext context) {
		if (context == null) {
			throw new IllegalArgumentException("context is required");
		}
		this.context = context;
	}

	protected final LauncherPluginContext context() {
		return this.context;
	}

	/**
	 * The instance the host should use for an extension class declared by this plugin, so
	 * that extensions can be beans of the plugin's own container. Empty lets the host
	 * create one with the no-argument constructor.
	 * @param <T> the extension type
	 * @param extensionClass the extension class found in the plugin's extension index
	 * @return the instance, or empty
	 */
	public <T> Optional<T> extension(Class<T> extensionClass) {
		return Optional.empty();
	}

}
