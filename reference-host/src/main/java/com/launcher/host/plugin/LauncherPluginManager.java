package com.launcher.host.plugin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.pf4j.DefaultPluginLoader;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DevelopmentPluginLoader;
import org.pf4j.ExtensionFactory;
import org.pf4j.PluginDescriptorFinder;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginFactory;
import org.pf4j.PluginLoader;
import org.pf4j.PropertiesPluginDescriptorFinder;
import org.pf4j.RuntimeMode;

/**
 * PF4J's default manager with the host's choices: the descriptor file
 * {@code plugin-descriptor.properties}, plugins built through
 * {@link LauncherPluginFactory}, extensions through {@link LauncherExtensionFactory}, and
 * no automatic scanning (the host loads each path itself so one bad plugin cannot stop
 * the others).
 */
class LauncherPluginManager extends DefaultPluginManager {

	static final String DESCRIPTOR_FILE = "plugin-descriptor.properties";

	private final boolean development;

	private final PluginFactory factory;

	LauncherPluginManager(boolean development, String systemVersion, PluginFactory factory) {
		super(List.of());
		this.development = development;
		this.factory = factory;
		setSystemVersion(systemVersion);
	}

	@Override
	public RuntimeMode getRuntimeMode() {
		return this.development ? RuntimeMode.DEVELOPMENT : RuntimeMode.DEPLOYMENT;
	}

	@Override
	protected PluginDescriptorFinder createPluginDescriptorFinder() {
		return new PropertiesPluginDescriptorFinder(DESCRIPTOR_FILE) {

			// In development mode the module folder holds the build output; its
			// descriptor sits next to the classes.
			@Override
			protected Path getPropertiesPath(Path pluginPath, String propertiesFileName) {
				Path built = pluginPath.resolve("target").resolve("classes").resolve(propertiesFileName);
				return Files.isRegularFile(built) ? built : super.getPropertiesPath(pluginPath, propertiesFileName);
			}

		};
	}

	@Override
	protected PluginLoader createPluginLoader() {
		// Chosen per path when loading: PF4J's compound loader evaluates its conditions
		// while the super constructor runs, before this class's fields are set.
		PluginLoader development = new DevelopmentPluginLoader(this);
		PluginLoader deployment = new DefaultPluginLoader(this);
		return new PluginLoader() {

			@Override
			public boolean isApplicable(Path pluginPath) {
				return Files.isDirectory(pluginPath);
			}

			@Override
			public ClassLoader loadPlugin(Path pluginPath, PluginDescriptor pluginDescriptor) {
				boolean built = Files.isDirectory(pluginPath.resolve("target").resolve("classes"));
				return (built ? development : deployment).loadPlugin(pluginPath, pluginDescriptor);
			}

		};
	}

	@Override
	protected PluginFactory createPluginFactory() {
		// Called from the super constructor, before our fields are set: answer a
		// delegating factory that reads the field when used.
		return (wrapper) -> this.factory.create(wrapper);
	}

	@Override
	protected ExtensionFactory createExtensionFactory() {
		return new LauncherExtensionFactory(this);
	}

}
