package com.launcher.host.security;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.launcher.host.api.web.RefusedRequest;
import com.launcher.host.api.web.RefusedRequestListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The plugins' listeners for requests the host refused before a plugin saw them, by
 * plugin id.
 */
@Component
public class PluginRefusalListeners {

	private static final Logger logger = LoggerFactory.getLogger(PluginRefusalListeners.class);

	private final Map<String, List<RefusedRequestListener>> byPlugin = new ConcurrentHashMap<>();

	public void register(String pluginId, RefusedRequestListener listener) {
		this.byPlugin.computeIfAbsent(pluginId, (id) -> new CopyOnWriteArrayList<>()).add(listener);
	}

	public void unregister(String pluginId, RefusedRequestListener listener) {
		List<RefusedRequestListener> listeners = this.byPlugin.get(pluginId);
		if (listeners != null) {
			listeners.remove(listener);
		}
	}

	/**
	 * Tells the plugin's listeners of a refusal. A failing listener is logged and
	 * skipped: the refusal itself stands and is answered the same way.
	 */
	public void notify(String pluginId, RefusedRequest request) {
		for (RefusedRequestListener listener : this.byPlugin.getOrDefault(pluginId, List.of())) {
			try {
				listener.refused(request);
			}
			catch (RuntimeException ex) {
				logger.warn("Refusal listener of plugin {} failed for request {} ({})", pluginId, request.requestId(),
						ex.getClass().getSimpleName());
			}
		}
	}

}
