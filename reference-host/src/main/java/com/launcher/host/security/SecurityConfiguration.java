package com.launcher.host.security;

import java.util.ArrayList;
import java.util.List;

import com.launcher.host.api.user.LauncherUser;
import com.launcher.host.config.HostProperties;
import com.launcher.host.web.BaseUrlResolver;
import com.launcher.host.web.ClientAddressResolver;
import com.launcher.host.web.HostCurrentUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.util.UrlPathHelper;

/**
 * Four filter chains, first match wins. Plugins' public routes and well-known documents,
 * with no authentication by the host; plugins' protected resources (agents, opaque
 * tokens, stateless); humans whose request carries a JWT (or Basic, in demo mode),
 * stateless and without CSRF; and everything else, a person's browser: form login, a
 * session re-checked on every request, CSRF.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	/**
	 * The Content-Security-Policy of every page, the host's and the plugins': scripts,
	 * styles and images only from files of this origin, nothing inline, no framing. No
	 * {@code form-action}: browsers apply it to the redirect after a form, and an OAuth
	 * consent form must redirect to the client's own (loopback) address.
	 */
	static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
			+ "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

	/**
	 * Plugins' public routes and every well-known document: no authentication of any
	 * kind, no session, no CSRF, and an {@code Authorization} header is left to the
	 * plugin (its token endpoint reads client credentials from it).
	 */
	@Bean
	@Order(0)
	SecurityFilterChain publicChain(HttpSecurity http, PluginPublicRoutes publicRoutes) throws Exception {
		http.securityMatcher((request) -> {
			String path = pathOf(request);
			return path.startsWith("/.well-known/") || publicRoutes.isPublic(path);
		})
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().permitAll())
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			// Nothing ambient authenticates here (no session is read), so there is
			// nothing for a cross-site request to ride on.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain agentChain(HttpSecurity http, PluginProtectedResources resources,
			PluginBearerAuthenticationManagerResolver introspection, BaseUrlResolver baseUrls) throws Exception {
		RequestMatcher protectedPaths = (request) -> {
			String path = pathOf(request);
			return resources.find(path).isPresent() || PATHS.match("/plugins/*/mcp", path);
		};
		PluginBearerEntryPoint entryPoint = new PluginBearerEntryPoint(baseUrls);
		http.securityMatcher(protectedPaths)
			.authorizeHttpRequests((authorize) -> authorize.anyRequest().authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.authenticationManagerResolver(introspection)
				// Every Bearer credential, malformed ones too, goes to the plugin's
				// introspector, so that the plugin counts and audits it.
				.authenticationConverter(PresentedBearerCredential::from)
				.authenticationEntryPoint(entryPoint))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			// Bearer tokens travel in a header a browser never adds by itself: no CSRF.
			.csrf((csrf) -> csrf.disable());
		return http.build();
	}

	/**
	 * No observation per security filter: with a meter registry present, Spring Security
	 * wraps each of the chain's filters in an observation, which a profile of the MCP
	 * path showed costing about a tenth of each request's CPU for timers nobody reads.
	 * Requests stay observed as a whole ({@code http.server.requests}).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PluginBearerAuthenticationManagerResolver pluginIntrospection(PluginProtectedResources resources,
			ClientAddressResolver clientAddresses) {
		return new PluginBearerAuthenticationManagerResolver(resources, clientAddresses);
	}

	@Bean
	WebSecurityCustomizer requestRejection(PluginProtectedResources resources,
			PluginBearerAuthenticationManagerResolver introspection) {
		return (web) -> web.requestRejectedHandler(new BearerAwareRequestRejectedHandler(resources, introspection));
	}

	/**
	 * Humans whose request carries its own credential: a JWT, or Basic in demo mode.
	 * Stateless, so the session cookie is never read here: such a request either
	 * authenticates with its header or is refused, and with nothing ambient to ride on,
	 * CSRF has nothing to protect (issue 12 point 10: CSRF is off only where header
	 * authentication is the only way in).
	 */
	@Bean
	@Order(2)
	SecurityFilterChain headerChain(HttpSecurity http, HostProperties properties, JwtDecoder jwtDecoder,
			SignInPolicy users) throws Exception {
		http.securityMatcher((request) -> headerCredential(request, properties.demo()))
			.authorizeHttpRequests(SecurityConfiguration::humanRules)
			.oauth2ResourceServer((resourceServer) -> resourceServer
				.jwt((jwt) -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(new LauncherJwtConverter(users)))
				.authenticationEntryPoint(humanApiEntryPoint()))
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(humanApiEntryPoint()))
			.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.securityContext((context) -> context.requireExplicitSave(true))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(PAGE_POLICY)))
			.csrf((csrf) -> csrf.disable());
		if (properties.demo()) {
			http.httpBasic((basic) -> basic.authenticationEntryPoint(humanApiEntryPoint()));
		}
		return http.build();
	}

	/**
	 * Everything else is a person's browser: form login, a session, CSRF on every unsafe
	 * request, and the session's user checked again on every request.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain sessionChain(HttpSecurity http, SignInPolicy users, PluginRefusalListeners refusals,
			HostCurrentUser currentUser, ClientAddressResolver clientAddresses) throws Exception {
		RequestMatcher api = new OrRequestMatcher((request) -> pathOf(request).startsWith("/launcher/api/"),
				(request) -> PATHS.match("/plugins/*/api/**", pathOf(request)));
		http.authorizeHttpRequests(SecurityConfiguration::humanRules)
			.formLogin((form) -> form.loginPage("/login").permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(PAGE_POLICY)))
			.exceptionHandling((exceptions) -> exceptions.defaultAuthenticationEntryPointFor(humanApiEntryPoint(), api)
				.defaultAuthenticationEntryPointFor(new ExpiredSessionEntryPoint(), (request) -> true)
				// Also the CSRF filter's: a refused form on a plugin route is told to
				// the plugin, which never sees the request, so that it can audit it.
				.accessDeniedHandler(new CsrfRefusalHandler(refusals, currentUser, clientAddresses)))
			.addFilterBefore(new ActiveUserSessionFilter(users), AnonymousAuthenticationFilter.class);
		return http.build();
	}

	// A directory that does not answer is an outage, not a wrong password (issue 18
	// point 5).
	private static AuthenticationEntryPoint humanApiEntryPoint() {
		return new UnavailableAwareEntryPoint(new BearerTokenAuthenticationEntryPoint());
	}

	private static void humanRules(
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry authorize) {
		authorize.requestMatchers((request) -> {
			String path = pathOf(request);
			return path.equals("/login") || path.equals("/error") || path.startsWith("/launcher/static/")
					|| PATHS.match("/plugins/*/static/**", path) || path.equals("/launcher/health");
		})
			.permitAll()
			// Metrics and health name plugins, tools and failure reasons: platform admins
			// only (issue 18). /launcher/health stays the public liveness probe.
			.requestMatchers((request) -> {
				String path = pathOf(request);
				return path.equals("/actuator") || path.startsWith("/actuator/");
			})
			.hasRole("PLATFORM_ADMIN")
			.anyRequest()
			.authenticated();
	}

	/**
	 * Whether a human request authenticates with its own header: a Bearer token, or Basic
	 * in demo mode (RFC 7235 §2.1: schemes are case-insensitive). Any other header leaves
	 * the request to the session chain, where it authenticates nothing.
	 */
	static boolean headerCredential(HttpServletRequest request, boolean demo) {
		String authorization = request.getHeader("Authorization");
		if (authorization == null) {
			return false;
		}
		return PresentedBearerCredential.credential(authorization) != null
				|| (demo && authorization.regionMatches(true, 0, "Basic ", 0, 6));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The request's path within the application, decoded and normalised the way Spring
	 * MVC matches it ({@code /plugins/x/%6Dcp} is {@code /plugins/x/mcp}), so that a
	 * request is secured by the chain of the handler that will serve it.
	 */
	static String pathOf(HttpServletRequest request) {
		try {
			return UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		}
		catch (IllegalArgumentException ex) {
			return request.getRequestURI().substring(request.getContextPath().length());
		}
	}

	/** Authorities for a Launcher user, read fresh from the directory. */
	static List<GrantedAuthority> authorities(LauncherUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
		if (user.platformAdmin()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_PLATFORM_ADMIN"));
		}
		return authorities;
	}

}
