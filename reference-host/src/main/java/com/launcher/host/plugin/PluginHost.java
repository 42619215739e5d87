package com.launcher.host.plugin;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.launcher.host.api.LauncherPluginContext;
import com.launcher.host.api.user.UserLifecycleEvent;
import com.launcher.host.api.user.UserLifecycleListener;
import com.launcher.host.config.HostProperties;
import com.launcher.host.web.PluginClassCaches;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads, starts, stops and reloads plugins, one at a time and each in isolation: a plugin
 * that cannot be loaded or started is marked {@code FAILED} and the host keeps serving.
 */
@Component
public class PluginHost implements SmartLifecycle {

	/**
	 * The version of the host extension API this host offers ({@code plugin.requires}).
	 * 1.1.0 added public routes, well-known documents, the external base URL and the
	 * authorization-server fields of protected resources; 1.2.0 refusal listeners, the
	 * meter registry, health checks and OpenTelemetry; 1.3.0 the Tasker client's longest
	 * call; 1.4.0 the data source for schema migrations.
	 */
	public static final String HOST_API_VERSION = "1.4.0";

	private static final Logger logger = LoggerFactory.getLogger(PluginHost.class);

	private final HostProperties properties;

	private final PluginContextFactory contextFactory;

	private final PluginClassCaches classCaches;

	private final LauncherPluginManager manager;

	private final Map<String, PluginRecord> records = new LinkedHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	private volatile boolean running;

	public PluginHost(HostProperties properties, PluginContextFactory contextFactory, PluginClassCaches classCaches) {
		this.properties = properties;
		this.contextFactory = contextFactory;
		this.classCaches = classCaches;
		Function<PluginWrapper, LauncherPluginContext> contexts = contextFactory::create;
		this.manager = new LauncherPluginManager(!properties.plugins().developmentPaths().isEmpty(), HOST_API_VERSION,
				new LauncherPluginFactory(contexts));
	}

	@Override
	public synchronized void start() {
		PluginArchives.deleteStaleWorkFolders(this.properties.dataDir().resolve("plugin-work"));
		for (Path source : PluginArchives.sources(this.properties.plugins().developmentPaths(),
				this.properties.plugins().dir())) {
			load(source).ifPresent(this::startPlugin);
		}
		this.running = true;
	}

	@Override
	public synchronized void stop() {
		// PF4J 3.15's stopPlugins() throws ConcurrentModificationException: one by one,
		// in reverse order of start.
		List<String> started = new ArrayList<>(
				this.manager.getStartedPlugins().stream().map(PluginWrapper::getPluginId).toList());
		Collections.reverse(started);
		for (String id : started) {
			stopPlugin(id);
		}
		for (String id : new ArrayList<>(this.records.keySet())) {
			if (this.manager.getPlugin(id) != null) {
				this.manager.unloadPlugin(id);
			}
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Every plugin the host knows, with its state. */
	public synchronized List<PluginInfo> plugins() {
		List<PluginInfo> result = new ArrayList<>();
		this.records.forEach((id, record) -> {
			PluginWrapper wrapper = this.manager.getPlugin(id);
			PluginState state = (record.failure() != null || wrapper == null) ? PluginState.FAILED
					: wrapper.getPluginState();
			result.add(new PluginInfo(id, record.version(), state.name(), record.failure()));
		});
		return result;
	}

	public synchronized PluginInfo start(String id) {
		requireKnown(id);
		if (this.manager.getPlugin(id) == null) {
			throw new PluginOperationException("Plugin " + id + " is not loaded; reload it");
		}
		startPlugin(id);
		return info(id);
	}

	public synchronized PluginInfo stop(String id) {
		requireKnown(id);
		if (this.manager.getPlugin(id) != null) {
			stopPlugin(id);
		}
		return info(id);
	}

	/**
	 * Stops and unloads a plugin, then loads it again from its source with a new class
	 * loader.
	 */
	public synchronized PluginInfo reload(String id) {
		PluginRecord record = requireKnown(id);
		if (this.manager.getPlugin(id) != null) {
			stopPlugin(id);
			this.manager.unloadPlugin(id);
		}
		this.records.remove(id);
		load(record.source()).ifPresent(this::startPlugin);
		return info(id);
	}

	/** The class loader of a loaded plugin, for tests and diagnostics. */
	public synchronized Optional<ClassLoader> classLoader(String id) {
		return Optional.ofNullable(this.manager.getPlugin(id)).map(PluginWrapper::getPluginClassLoader);
	}

	/**
	 * Calls every started plugin's {@link UserLifecycleListener}; one plugin's failure
	 * does not keep the others from hearing.
	 * @param event the change
	 */
	public void publishUserLifecycleEvent(UserLifecycleEvent event) {
		List<PluginWrapper> started;
		synchronized (this) {
			started = List.copyOf(this.manager.getStartedPlugins());
		}
		for (PluginWrapper wrapper : started) {
			try {
				for (UserLifecycleListener listener : this.manager.getExtensions(UserLifecycleListener.class,
						wrapper.getPluginId())) {
					ContextClassLoader.with(wrapper.getPluginClassLoader(), () -> listener.onUserLifecycleEvent(event));
				}
			}
			catch (RuntimeException ex) {
				// The type only: a plugin's message may quote the user's data.
				logger.warn("Plugin {} failed to handle user lifecycle event {}: {}", wrapper.getPluginId(),
						event.eventId(), ex.getClass().getName());
			}
		}
	}

	private PluginInfo info(String id) {
		return plugins().stream().filter((p) -> p.id().equals(id)).findFirst().orElseThrow();
	}

	private PluginRecord requireKnown(String id) {
		PluginRecord record = this.records.get(id);
		if (record == null) {
			throw new PluginNotFoundException(id);
		}
		return record;
	}

	private Optional<String> load(Path source) {
		String fallbackId = source.getFileName().toString().replaceFirst("\\.zip$", "");
		try {
			Path pluginPath = source.toString().endsWith(".zip")
					? PluginArchives.expand(source, this.properties.dataDir().resolve("plugin-work"),
							ProcessHandle.current().pid() + "-" + this.generation.incrementAndGet())
					: source.toAbsolutePath();
			String id = this.manager.loadPlugin(pluginPath);
			PluginWrapper wrapper = this.manager.getPlugin(id);
			String version = wrapper.getDescriptor().getVersion();
			if (wrapper.getPluginState() == PluginState.DISABLED) {
				String reason = "requires host API " + wrapper.getDescriptor().getRequires() + ", this host offers "
						+ HOST_API_VERSION;
				this.manager.unloadPlugin(id);
				fail(id, source, version, reason);
				return Optional.empty();
			}
			this.records.put(id, new PluginRecord(id, version, source, null));
			logger.info("Plugin {} {} loaded from {}", id, version, source.getFileName());
			return Optional.of(id);
		}
		catch (PluginRuntimeException | IllegalArgumentException | UncheckedIOException ex) {
			fail(fallbackId, source, null, rootMessage(ex));
			return Optional.empty();
		}
	}

	private void startPlugin(String id) {
		PluginWrapper wrapper = this.manager.getPlugin(id);
		long start = System.nanoTime();
		PluginState state;
		try {
			state = ContextClassLoader.with(wrapper.getPluginClassLoader(), () -> this.manager.startPlugin(id));
		}
		catch (RuntimeException ex) {
			wrapper.setPluginState(PluginState.FAILED);
			wrapper.setFailedException(ex);
			state = PluginState.FAILED;
		}
		PluginRecord record = this.records.get(id);
		if (state == PluginState.STARTED) {
			this.records.put(id, record.withFailure(null));
			logger.info("Plugin {} started in {} ms", id, (System.nanoTime() - start) / 1_000_000);
		}
		else {
			Throwable failure = wrapper.getFailedException();
			String reason = "start failed: " + ((failure != null) ? rootMessage(failure) : state.name());
			this.contextFactory.release(id);
			fail(id, record.source(), record.version(), reason);
		}
	}

	private void stopPlugin(String id) {
		PluginWrapper wrapper = this.manager.getPlugin(id);
		long start = System.nanoTime();
		try {
			ContextClassLoader.with(wrapper.getPluginClassLoader(), () -> this.manager.stopPlugin(id));
			logger.info("Plugin {} stopped in {} ms", id, (System.nanoTime() - start) / 1_000_000);
		}
		catch (RuntimeException ex) {
			logger.warn("Plugin {} did not stop cleanly: {}", id, rootMessage(ex));
		}
		finally {
			// Whatever the plugin forgot to unregister goes now, and with it the host's
			// references to its classes.
			this.contextFactory.release(id);
			this.classCaches.evict(wrapper.getPluginClassLoader());
		}
	}

	private void fail(String id, Path source, String version, String reason) {
		// Shown to API clients: name the archive, never this machine's folders.
		String workRoot = this.properties.dataDir().resolve("plugin-work").toAbsolutePath().normalize().toString();
		reason = reason.replaceAll(Pattern.quote(workRoot) + "/[^/\\s']*", source.getFileName().toString())
			.replace(source.toAbsolutePath().toString(), source.getFileName().toString());
		this.records.put(id, new PluginRecord(id, version, source, reason));
		logger.error("Plugin {} FAILED ({}): {}", id, source.getFileName(), reason);
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		// Bounded: causes can form a loop.
		for (int link = 0; root.getCause() != null && link < 32; link++) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return (root == ex) ? message : ex.getMessage() + " (" + message + ")";
	}

	private record PluginRecord(String id, String version, Path source, String failure) {

		PluginRecord withFailure(String failure) {
			return new PluginRecord(this.id, this.version, this.source, failure);
		}

	}

	/**
	 * What the plugin admin API shows.
	 *
	 * @param id the plugin id (or the zip's name when no descriptor could be read)
	 * @param version the descriptor's version, when known
	 * @param state a PF4J state name; {@code FAILED} for plugins that could not load or
	 * start
	 * @param failure one line saying why, for failed plugins
	 */
	public record PluginInfo(String id, String version, String state, String failure) {
	}

}
