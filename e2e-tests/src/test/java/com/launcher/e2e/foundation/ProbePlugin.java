package com.launcher.e2e.foundation;

import java.nio.file.Path;
import java.util.Map;

/**
 * A small real plugin, compiled on the spot, that uses every part of the host's web
 * contract: a public route that echoes what it received, a well-known document, a
 * protected resource whose introspector records each credential it is asked about, and
 * routes that show the request's identity and base URL. It lets the host's side of the
 * contract be tested through PF4J and real HTTP before any product plugin uses it.
 */
final class ProbePlugin {

	static final String ID = "probe";

	/** The one token the probe's introspector accepts. */
	static final String GOOD_TOKEN = "probe-good-token";

	private static final String PLUGIN = """
			package test.probe;

			import java.net.URI;
			import java.util.ArrayList;
			import java.util.LinkedHashMap;
			import java.util.List;
			import java.util.Map;
			import java.util.Optional;
			import java.util.Set;
			import java.util.concurrent.CopyOnWriteArrayList;

			import com.launcher.host.api.LauncherPlugin;
			import com.launcher.host.api.LauncherPluginContext;
			import com.launcher.host.api.web.BearerTokenRequest;
			import com.launcher.host.api.web.IntrospectionResult;
			import com.launcher.host.api.web.PluginWebRegistry;
			import com.launcher.host.api.web.ProtectedResource;

			public class ProbePlugin extends LauncherPlugin {

				static final List<String> SEEN = new CopyOnWriteArrayList<>();

				private final List<PluginWebRegistry.Registration> registrations = new ArrayList<>();

				public ProbePlugin(LauncherPluginContext context) {
					super(context);
				}

				@Override
				public void start() {
					PluginWebRegistry web = context().web();
					this.registrations.add(web.registerControllers(List.of(new ProbeController(context()))));
					this.registrations.add(web.registerPublicRoutes(
							List.of("/hook", "/seen", "/base-url", "/.well-known/openid-configuration")));
					this.registrations.add(web.registerWellKnown("oauth-authorization-server", (request) -> {
						Map<String, Object> document = new LinkedHashMap<>();
						document.put("issuer", request.pluginBaseUrl().toString());
						document.put("token_endpoint", request.pluginBaseUrl() + "/oauth/token");
						document.put("code_challenge_methods_supported", List.of("S256"));
						return Optional.of(document);
					}));
					this.registrations.add(web.registerWellKnown("openid-configuration", (request) -> Optional.empty()));
					this.registrations.add(web.registerProtectedResource(
							new ProtectedResource("/api-probe", "Probe resource", ProbePlugin::introspect)
								.withPluginAuthorizationServer(List.of("probe.read", "probe.write"))));
				}

				@Override
				public void stop() {
					this.registrations.forEach(PluginWebRegistry.Registration::close);
					this.registrations.clear();
				}

				static IntrospectionResult introspect(BearerTokenRequest request) {
					SEEN.add("[" + request.token() + "]" + ((request.hostRejection() != null) ? " " + request.hostRejection() : ""));
					if (request.token().equals("%s") && request.hostRejection() == null) {
						return new IntrospectionResult.Active("probe-principal", "probe", Set.of("PROBE"));
					}
					return IntrospectionResult.Rejected.invalid("unknown");
				}

			}
			"""
		.formatted(GOOD_TOKEN);

	private static final String CONTROLLER = """
			package test.probe;

			import java.util.ArrayList;
			import java.util.LinkedHashMap;
			import java.util.List;
			import java.util.Map;

			import com.launcher.host.api.LauncherPluginContext;
			import com.launcher.host.api.user.LauncherUser;
			import org.springframework.web.bind.annotation.GetMapping;
			import org.springframework.web.bind.annotation.PostMapping;
			import org.springframework.web.bind.annotation.RequestHeader;
			import org.springframework.web.bind.annotation.RestController;

			@RestController
			public class ProbeController {

				private final LauncherPluginContext context;

				public ProbeController(LauncherPluginContext context) {
					this.context = context;
				}

				@PostMapping("/hook")
				public Map<String, Object> hook(@RequestHeader(name = "Authorization", required = false) String authorization) {
					Map<String, Object> body = new LinkedHashMap<>();
					body.put("authorization", String.valueOf(authorization));
					body.put("user", this.context.requestIdentity().currentUser().map(LauncherUser::username).orElse("none"));
					body.put("bearer", this.context.requestIdentity().bearerPrincipal(Object.class).isPresent());
					return body;
				}

				@PostMapping("/private")
				public Map<String, Object> privateRoute() {
					return Map.of("user", this.context.requestIdentity().currentUser().map(LauncherUser::username).orElse("none"));
				}

				@GetMapping("/seen")
				public List<String> seen() {
					List<String> seen = new ArrayList<>(ProbePlugin.SEEN);
					ProbePlugin.SEEN.clear();
					return seen;
				}

				@GetMapping("/base-url")
				public Map<String, Object> baseUrl() {
					return Map.of("baseUrl", this.context.requestIdentity().baseUrl().toString());
				}

				@GetMapping("/.well-known/openid-configuration")
				public Map<String, Object> openIdConfiguration() {
					return Map.of("issuer", this.context.requestIdentity().baseUrl() + "/plugins/probe");
				}

				@PostMapping("/api-probe")
				public Map<String, Object> apiProbe() {
					return Map.of("principal", this.context.requestIdentity().bearerPrincipal(String.class).orElse("none"));
				}

			}
			""";

	private ProbePlugin() {
	}

	/** Builds the probe's zip in a folder. */
	static Path zip(Path dir) {
		return PluginArchives.zip(dir, "probe",
				"plugin.id=" + ID + "\nplugin.class=test.probe.ProbePlugin\nplugin.version=1.0.0\n"
						+ "plugin.requires=>=1.1.0\n",
				Map.of("test.probe.ProbePlugin", PLUGIN, "test.probe.ProbeController", CONTROLLER));
	}

}
