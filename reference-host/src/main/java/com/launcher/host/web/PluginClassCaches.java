package com.launcher.host.web;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;

import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.CachedIntrospectionResults;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Forgets a stopped plugin's class loader in the host's static and per-class caches:
 * commons-logging's factory per context class loader, Spring MVC's caches keyed by
 * controller class or handler method parameter (a web application never unloads its
 * controllers, so Spring never evicts them), the static property accessor Thymeleaf
 * shares across all templates, the JDK's and Spring's bean introspection caches, and the
 * host's Jackson mappers. Without this, every reload would keep the old plugin class
 * loader, and everything it loaded, alive.
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
			evictHandlerMethodCaches(adapter, pluginLoader);
		}
		for (HandlerExceptionResolver resolver : this.context.getBeansOfType(HandlerExceptionResolver.class).values()) {
			if (resolver instanceof HandlerExceptionResolverComposite composite) {
				composite.getExceptionResolvers().forEach((r) -> evictExceptionHandlers(r, pluginLoader));
			}
			evictExceptionHandlers(resolver, pluginLoader);
		}
		clearThymeleafPropertyAccessor();
		// java.beans keeps bean infos per class in a per-thread-group WeakHashMap whose
		// values reach their keys, and Spring's introspection results for classes of a
		// non-cache-safe loader: Liquibase and Spring introspect plugin classes.
		Introspector.flushCaches();
		CachedIntrospectionResults.clearClassLoader(pluginLoader);
		// Serializers and types of plugin classes (response bodies): bounded LRU caches,
		// but up to thousands of entries; cheap to refill.
		this.context.getBeansOfType(ObjectMapper.class).values().forEach(ObjectMapper::clearCaches);
	}

	private static void evictExceptionHandlers(HandlerExceptionResolver resolver, ClassLoader pluginLoader) {
		if (resolver instanceof ExceptionHandlerExceptionResolver exceptionHandlers) {
			evict(exceptionHandlers, "exceptionHandlerCache", pluginLoader);
			evictHandlerMethodCaches(exceptionHandlers, pluginLoader);
		}
	}

	// The argument resolver and return value handler composites cache the resolver per
	// method parameter, and several resolvers cache per parameter (named values) or per
	// controller class (@ResponseBody lookup): all strong, unbounded maps whose keys
	// point to the plugin's controller classes.
	private static void evictHandlerMethodCaches(Object owner, ClassLoader pluginLoader) {
		for (String fieldName : new String[] { "argumentResolvers", "initBinderArgumentResolvers",
				"returnValueHandlers" }) {
			Object value = fieldValue(owner, fieldName);
			if (value instanceof HandlerMethodArgumentResolverComposite composite) {
				evictAllCaches(composite, pluginLoader);
				composite.getResolvers().forEach((r) -> evictAllCaches(r, pluginLoader));
			}
			else if (value instanceof HandlerMethodReturnValueHandlerComposite composite) {
				evictAllCaches(composite, pluginLoader);
				composite.getHandlers().forEach((h) -> evictAllCaches(h, pluginLoader));
			}
		}
	}

	// Thymeleaf evaluates every template's SpEL with one static
	// ReflectivePropertyAccessor, whose caches (per class, and per class and property
	// name) never shrink. They are only caches: empty them.
	private static void clearThymeleafPropertyAccessor() {
		Field field = ReflectionUtils.findField(ThymeleafEvaluationContext.class,
				"REFLECTIVE_PROPERTY_ACCESSOR_INSTANCE");
		if (field == null) {
			logger.debug("No shared property accessor on {}", ThymeleafEvaluationContext.class.getName());
			return;
		}
		ReflectionUtils.makeAccessible(field);
		Object accessor = ReflectionUtils.getField(field, null);
		if (accessor != null) {
			ReflectionUtils.doWithFields(accessor.getClass(), (f) -> {
				ReflectionUtils.makeAccessible(f);
				if (ReflectionUtils.getField(f, accessor) instanceof ConcurrentMap<?, ?> cache) {
					cache.clear();
				}
			}, (f) -> !Modifier.isStatic(f.getModifiers()));
		}
	}

	// Every concurrent map held by a Spring MVC resolver or handler is a cache; drop the
	// entries keyed by a plugin class or by a parameter of a plugin method.
	private static void evictAllCaches(Object owner, ClassLoader pluginLoader) {
		ReflectionUtils.doWithFields(owner.getClass(), (f) -> {
			ReflectionUtils.makeAccessible(f);
			if (ReflectionUtils.getField(f, owner) instanceof ConcurrentMap<?, ?> cache) {
				cache.keySet().removeIf((key) -> loadedBy(key, pluginLoader));
			}
		}, (f) -> !Modifier.isStatic(f.getModifiers()));
	}

	private static boolean loadedBy(Object key, ClassLoader pluginLoader) {
		if (key instanceof Class<?> type) {
			return type.getClassLoader() == pluginLoader;
		}
		if (key instanceof MethodParameter parameter) {
			return parameter.getContainingClass().getClassLoader() == pluginLoader
					|| parameter.getDeclaringClass().getClassLoader() == pluginLoader;
		}
		return false;
	}

	private static Object fieldValue(Object owner, String fieldName) {
		Field field = ReflectionUtils.findField(owner.getClass(), fieldName);
		if (field == null) {
			logger.debug("No field {} on {}", fieldName, owner.getClass().getName());
			return null;
		}
		ReflectionUtils.makeAccessible(field);
		return ReflectionUtils.getField(field, owner);
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
