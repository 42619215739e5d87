package com.launcher.host.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.cache.AlwaysValidCacheEntryValidity;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ITemplateResolver;
import org.thymeleaf.templateresolver.TemplateResolution;
import org.thymeleaf.templateresource.ClassLoaderTemplateResource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;

/**
 * The one resolver through which every plugin's templates are found: Thymeleaf's engine
 * takes no new resolvers after its first render, so this one delegates by the first path
 * segment of the view name ({@code agent-gateway/agents} → the class loader registered
 * for {@code agent-gateway}, resource {@code templates/agent-gateway/agents.html}).
 */
public class PluginTemplateResolver implements ITemplateResolver {

	private final Map<String, ClassLoader> loaders = new ConcurrentHashMap<>();

	private final ObjectProvider<SpringTemplateEngine> engine;

	public PluginTemplateResolver(ObjectProvider<SpringTemplateEngine> engine) {
		this.engine = engine;
	}

	public void register(String pluginId, ClassLoader classLoader) {
		this.loaders.put(pluginId, classLoader);
		clearCache();
	}

	public void unregister(String pluginId) {
		this.loaders.remove(pluginId);
		clearCache();
	}

	/** The class loader of a plugin's web resources, when registered. */
	public ClassLoader classLoader(String pluginId) {
		return this.loaders.get(pluginId);
	}

	public Set<String> pluginIds() {
		return Set.copyOf(this.loaders.keySet());
	}

	@Override
	public String getName() {
		return "plugin-templates";
	}

	@Override
	public Integer getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public TemplateResolution resolveTemplate(IEngineConfiguration configuration, String ownerTemplate, String template,
			Map<String, Object> templateResolutionAttributes) {
		int slash = template.indexOf('/');
		if (slash <= 0 || template.contains("..")) {
			return null;
		}
		ClassLoader loader = this.loaders.get(template.substring(0, slash));
		String path = "templates/" + template + ".html";
		if (loader == null || loader.getResource(path) == null) {
			return null;
		}
		return new TemplateResolution(new ClassLoaderTemplateResource(loader, path, "UTF-8"), TemplateMode.HTML,
				AlwaysValidCacheEntryValidity.INSTANCE);
	}

	// Cached templates hold the old class loader's resources: drop them whenever a plugin
	// comes or goes, so a reload never serves stale pages.
	private void clearCache() {
		SpringTemplateEngine templateEngine = this.engine.getIfAvailable();
		if (templateEngine != null && templateEngine.isInitialized()) {
			templateEngine.clearTemplateCache();
		}
	}

}
