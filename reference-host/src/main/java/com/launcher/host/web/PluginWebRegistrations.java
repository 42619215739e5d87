package com.launcher.host.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.launcher.host.api.web.PluginWebRegistry;
import com.launcher.host.api.web.ProtectedResource;
import com.launcher.host.api.web.WellKnownProvider;
import com.launcher.host.security.PluginProtectedResources;
import com.launcher.host.security.PluginPublicRoutes;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Hands each plugin its {@link PluginWebRegistry} and keeps what it registered, so the
 * host can take it all back when the plugin stops.
 */
@Component
public class PluginWebRegistrations {

	private final PluginRequestMappingHandlerMapping routes;

	private final PluginTemplateResolver templates;

	private final PluginProtectedResources protectedResources;

	private final PluginPublicRoutes publicRoutes;

	private final PluginWellKnownDocuments wellKnown;

	private final Map<String, List<PluginWebRegistry.Registration>> byPlugin = new ConcurrentHashMap<>();

	public PluginWebRegistrations(PluginRequestMappingHandlerMapping routes, PluginTemplateResolver templates,
			PluginProtectedResources protectedResources, PluginPublicRoutes publicRoutes,
			PluginWellKnownDocuments wellKnown) {
		this.routes = routes;
		this.templates = templates;
		this.protectedResources = protectedResources;
		this.publicRoutes = publicRoutes;
		this.wellKnown = wellKnown;
	}

	public PluginWebRegistry forPlugin(String pluginId) {
		return new Registry(pluginId);
	}

	public void releaseAll(String pluginId) {
		List<PluginWebRegistry.Registration> registrations = this.byPlugin.remove(pluginId);
		if (registrations != null) {
			registrations.forEach(PluginWebRegistry.Registration::close);
		}
	}

	private PluginWebRegistry.Registration track(String pluginId, Runnable removal) {
		AtomicBoolean closed = new AtomicBoolean();
		PluginWebRegistry.Registration registration = () -> {
			if (closed.compareAndSet(false, true)) {
				removal.run();
			}
		};
		this.byPlugin.computeIfAbsent(pluginId, (id) -> new ArrayList<>()).add(registration);
		return registration;
	}

	private final class Registry implements PluginWebRegistry {

		private final String pluginId;

		Registry(String pluginId) {
			this.pluginId = pluginId;
		}

		@Override
		public Registration registerControllers(Collection<?> controllers) {
			List<RequestMappingInfo> mappings = PluginWebRegistrations.this.routes.register(this.pluginId, controllers);
			return track(this.pluginId, () -> PluginWebRegistrations.this.routes.unregister(mappings));
		}

		@Override
		public Registration registerTemplates(ClassLoader classLoader) {
			PluginWebRegistrations.this.templates.register(this.pluginId, classLoader);
			return track(this.pluginId, () -> PluginWebRegistrations.this.templates.unregister(this.pluginId));
		}

		@Override
		public Registration registerProtectedResource(ProtectedResource resource) {
			String path = PluginWebRegistrations.this.protectedResources.register(this.pluginId, resource);
			return track(this.pluginId, () -> PluginWebRegistrations.this.protectedResources.unregister(path));
		}

		@Override
		public Registration registerPublicRoutes(Collection<String> paths) {
			List<String> fullPaths = PluginWebRegistrations.this.publicRoutes.register(this.pluginId,
					List.copyOf(paths));
			return track(this.pluginId, () -> PluginWebRegistrations.this.publicRoutes.unregister(fullPaths));
		}

		@Override
		public Registration registerWellKnown(String name, WellKnownProvider provider) {
			String key = PluginWebRegistrations.this.wellKnown.register(this.pluginId, name, provider);
			return track(this.pluginId, () -> PluginWebRegistrations.this.wellKnown.unregister(key));
		}

	}

}
