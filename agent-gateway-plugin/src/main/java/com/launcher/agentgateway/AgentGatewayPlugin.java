package com.launcher.agentgateway;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.launcher.agentgateway.config.GatewayConfiguration;
import com.launcher.agentgateway.host.RefusedRequestAuditor;
import com.launcher.agentgateway.oauth.ClientRegistry;
import com.launcher.agentgateway.observe.MeteredIntrospector;
import com.launcher.agentgateway.oauth.Scopes;
import com.launcher.agentgateway.web.oauth.AuthorizationServerMetadataDocument;
import com.launcher.agentgateway.web.TaskerWebhookController;
import com.launcher.agentgateway.web.oauth.OAuthEndpointController;
import com.launcher.agentgateway.web.oauth.OAuthUrls;
import com.launcher.host.api.LauncherPlugin;
import com.launcher.host.api.LauncherPluginContext;
import com.launcher.host.api.web.PluginWebRegistry;
import com.launcher.host.api.web.ProtectedResource;
import liquibase.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.stereotype.Controller;

/**
 * The Agent Gateway plugin: on start, a child Spring context (parent = the host's) with
 * the plugin's class loader as context class loader, then its routes, templates and MCP
 * protected resource registered with the host; on stop, all of it removed and the context
 * closed.
 */
public class AgentGatewayPlugin extends LauncherPlugin {

	private static final Logger logger = LoggerFactory.getLogger(AgentGatewayPlugin.class);

	private final List<PluginWebRegistry.Registration> registrations = new ArrayList<>();

	private volatile AnnotationConfigApplicationContext applicationContext;

	public AgentGatewayPlugin(LauncherPluginContext context) {
		super(context);
	}

	@Override
	public synchronized void start() {
		ClassLoader pluginLoader = getClass().getClassLoader();
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		// Liquibase's service lookup and other ServiceLoader users need the plugin's
		// loader.
		thread.setContextClassLoader(pluginLoader);
		try {
			AnnotationConfigApplicationContext child = new AnnotationConfigApplicationContext();
			child.setId(context().pluginId());
			child.setParent(context().applicationContext());
			child.setClassLoader(pluginLoader);
			child.getBeanFactory().registerSingleton("launcherPluginContext", context());
			child.register(GatewayConfiguration.class);
			child.refresh();
			this.applicationContext = child;
			PluginWebRegistry web = context().web();
			this.registrations.add(web.registerTemplates(pluginLoader));
			this.registrations.add(web.registerControllers(child.getBeansWithAnnotation(Controller.class).values()));
			// The plugin is the authorization server of its MCP endpoint (issue 16): RFC
			// 9728 metadata names it, RFC 8414 metadata describes it, and the endpoints
			// that clients call without a person are public routes.
			this.registrations.add(web.registerProtectedResource(new ProtectedResource("/mcp",
					"Agent Gateway MCP endpoint", child.getBean(MeteredIntrospector.class))
				.withPluginAuthorizationServer(List.copyOf(Scopes.SUPPORTED))));
			this.registrations.add(web.registerPublicRoutes(OAuthEndpointController.PUBLIC_PATHS));
			// Forms the host refuses (no CSRF token) never reach the controllers: their
			// one audit event is written from the host's report.
			this.registrations.add(web.registerRefusalListener(child.getBean(RefusedRequestAuditor.class)));
			// Tasker's webhooks authenticate by their signature only (plane-api.md §7).
			this.registrations.add(web.registerPublicRoutes(List.of(TaskerWebhookController.PATH)));
			ClientRegistry clients = child.getBean(ClientRegistry.class);
			this.registrations.add(web.registerWellKnown("oauth-authorization-server",
					(request) -> Optional.of(AuthorizationServerMetadataDocument.of(
							new OAuthUrls(request.baseUrl().toString(), request.pluginId()),
							clients.metadataDocumentsEnabled()))));
			logger.info("Agent Gateway started");
		}
		catch (RuntimeException ex) {
			stop();
			throw ex;
		}
		finally {
			thread.setContextClassLoader(previous);
			forgetLiquibaseScope();
		}
	}

	// Liquibase keeps its scope manager in a static InheritableThreadLocal, set on the
	// thread that ran the migrations: a host thread (main, or the Tomcat worker that
	// served a reload) that outlives this plugin. Its value's class is ours, so the entry
	// would keep this class loader alive after stop. Liquibase has no API to remove it.
	private static void forgetLiquibaseScope() {
		try {
			Field field = Scope.class.getDeclaredField("scopeManager");
			field.setAccessible(true);
			if (field.get(null) instanceof ThreadLocal<?> scopeManager) {
				scopeManager.remove();
			}
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			logger.debug("Could not clear Liquibase's scope manager: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		for (int i = this.registrations.size() - 1; i >= 0; i--) {
			this.registrations.get(i).close();
		}
		this.registrations.clear();
		AnnotationConfigApplicationContext child = this.applicationContext;
		this.applicationContext = null;
		if (child != null) {
			child.close();
		}
	}

	@Override
	public <T> Optional<T> extension(Class<T> extensionClass) {
		AnnotationConfigApplicationContext child = this.applicationContext;
		if (child == null || child.getBeanNamesForType(extensionClass).length == 0) {
			return Optional.empty();
		}
		return Optional.of(child.getBean(extensionClass));
	}

}
