package com.launcher.host.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodIntrospector;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A handler mapping owned by the host that plugins' controllers are added to and removed
 * from at run time (servlets cannot be added after start; mappings can). Every route is
 * prefixed with {@code /plugins/{pluginId}}. It never picks up the host's own beans.
 */
public class PluginRequestMappingHandlerMapping extends RequestMappingHandlerMapping {

	@Override
	protected boolean isHandler(Class<?> beanType) {
		return false;
	}

	/**
	 * Adds the routes of some controllers.
	 * @param pluginId the owning plugin
	 * @param controllers the controller instances
	 * @return the mappings added, to remove them later
	 */
	public List<RequestMappingInfo> register(String pluginId, Collection<?> controllers) {
		List<RequestMappingInfo> added = new ArrayList<>();
		RequestMappingInfo prefix = RequestMappingInfo.paths("/plugins/" + pluginId)
			.options(getBuilderConfiguration())
			.build();
		try {
			for (Object controller : controllers) {
				Class<?> userType = ClassUtils.getUserClass(controller);
				Map<Method, RequestMappingInfo> methods = MethodIntrospector.selectMethods(userType,
						(MethodIntrospector.MetadataLookup<RequestMappingInfo>) (method) -> getMappingForMethod(method,
								userType));
				methods.forEach((method, info) -> {
					RequestMappingInfo mapping = prefix.combine(info);
					registerMapping(mapping, controller, AopUtils.selectInvocableMethod(method, userType));
					added.add(mapping);
				});
			}
		}
		catch (RuntimeException ex) {
			unregister(added);
			throw ex;
		}
		return added;
	}

	public void unregister(Collection<RequestMappingInfo> mappings) {
		mappings.forEach(this::unregisterMapping);
	}

}
