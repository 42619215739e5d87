package com.launcher.host.web;

import java.lang.reflect.Field;
import java.util.Map;

import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Forgets a stopped plugin's class loader in the host's static and per-class caches:
 * commons-logging's factory per context class loader, and Spring MVC's caches keyed by
 * controller class (a web application never unloads its controllers, so Spring never
 * evicts them). Without this, every reload would keep the old plugin class loader, and
 * everything it loaded, alive.
 */
@Component
public class PluginClassCaches {

	private static final Logger logger = LoggerFactory.getLogger(PluginClassCaches.class);

	private final ApplicationContext context;

	public PluginClassCaches(ApplicationContext context) {
		this.context = context;
	}

	public void evict(ClassLoader pluginLoader) {
		// commons-logging caches one factory per thread context class loader in a static
		// map, and the plugin's context is refreshed with the plugin's loader as TCCL.
		LogFactory.release(pluginLoader);
		for (RequestMappingHandlerAdapter adapter : this.context.getBeansOfType(RequestMappingHandlerAdapter.class)
			.values()) {
			evict(adapter, "sessionAttributesHandlerCache", pluginLoader);
			evict(adapter, "initBinderCache", pluginLoader);
			evict(adapter, "modelAttributeCache", pluginLoader);
		}
		for (HandlerExceptionResolver resolver : this.context.getBeansOfType(HandlerExceptionResolver.class).values()) {
			if (resolver instanceof HandlerExceptionResolverComposite composite) {
				composite.getExceptionResolvers().forEach((r) -> evictExceptionHandlers(r, pluginLoader));
			}
			evictExceptionHandlers(resolver, pluginLoader);
		}
	}

	private static void evictExceptionHandlers(HandlerExceptionResolver resolver, ClassLoader pluginLoader) {
		if (resolver instanceof ExceptionHandlerExceptionResolver exceptionHandlers) {
			evict(exceptionHandlers, "exceptionHandlerCache", pluginLoader);
		}
	}

	private static void evict(Object owner, String fieldName, ClassLoader pluginLoader) {
		Field field = ReflectionUtils.findField(owner.getClass(), fieldName);
		if (field == null) {
			// A Spring version without this cache: nothing to clean, and nothing to fail.
			logger.debug("No field {} on {}", fieldName, owner.getClass().getName());
			return;
		}
		ReflectionUtils.makeAccessible(field);
		if (ReflectionUtils.getField(field, owner) instanceof Map<?, ?> cache) {
			cache.keySet().removeIf((key) -> key instanceof Class<?> type && type.getClassLoader() == pluginLoader);
		}
	}

}
