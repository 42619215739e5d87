package com.launcher.host.web;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.launcher.host.config.HostProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The external base URL of a request: {@code launcher.public-url} when configured; else
 * the request's scheme, host, port and context path, corrected by
 * {@code X-Forwarded-Proto}, {@code -Host}, {@code -Port} and {@code -Prefix} only when
 * the socket peer is a trusted proxy. Anyone else's forwarded headers are ignored, so a
 * client cannot make the host publish an issuer or resource URL of its choosing.
 */
@Component
public class BaseUrlResolver {

	private static final Pattern HOST = Pattern
		.compile("([A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*|\\[[0-9A-Fa-f:.]{2,45}\\])(:[0-9]{1,5})?");

	private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

	// Segments of unreserved characters, never "." or "..".
	private static final Pattern PREFIX = Pattern.compile("(/(?!\\.{1,2}(/|$))[A-Za-z0-9._~-]+)*");

	private final URI publicUrl;

	private final Set<String> trustedProxies;

	public BaseUrlResolver(HostProperties properties) {
		this.publicUrl = properties.publicUrl();
		this.trustedProxies = Set.copyOf(properties.security().trustedProxies());
	}

	/**
	 * The base URL of a request, without a trailing slash.
	 * @param request the request
	 * @return the base URL
	 */
	public URI resolve(HttpServletRequest request) {
		if (this.publicUrl != null) {
			return this.publicUrl;
		}
		String scheme = request.getScheme().toLowerCase(Locale.ROOT);
		String host = request.getServerName();
		int port = request.getServerPort();
		String prefix = "";
		if (this.trustedProxies.contains(request.getRemoteAddr())) {
			String proto = first(request.getHeader("X-Forwarded-Proto"));
			if (proto != null && (proto.equalsIgnoreCase("http") || proto.equalsIgnoreCase("https"))) {
				scheme = proto.toLowerCase(Locale.ROOT);
				port = scheme.equals("https") ? 443 : 80;
			}
			String forwardedHost = first(request.getHeader("X-Forwarded-Host"));
			if (forwardedHost != null && HOST.matcher(forwardedHost).matches()) {
				int colon = forwardedHost.lastIndexOf(':');
				int hostPort = (colon > forwardedHost.lastIndexOf(']')) ? port(forwardedHost.substring(colon + 1)) : -1;
				if (colon <= forwardedHost.lastIndexOf(']')) {
					host = forwardedHost;
				}
				else if (hostPort > 0) {
					host = forwardedHost.substring(0, colon);
					port = hostPort;
				}
			}
			int forwardedPort = port(first(request.getHeader("X-Forwarded-Port")));
			if (forwardedPort > 0) {
				port = forwardedPort;
			}
			String forwardedPrefix = first(request.getHeader("X-Forwarded-Prefix"));
			if (forwardedPrefix != null && PREFIX.matcher(forwardedPrefix).matches()) {
				prefix = forwardedPrefix;
			}
		}
		boolean defaultPort = (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
		String authority = (host.indexOf(':') >= 0 && !host.startsWith("[")) ? "[" + host + "]" : host;
		return URI.create(scheme + "://" + authority + (defaultPort || port <= 0 ? "" : ":" + port) + prefix
				+ request.getContextPath());
	}

	/** The configured public URL, for work done outside a request. */
	public URI configured() {
		if (this.publicUrl == null) {
			throw new IllegalStateException("No request, and launcher.public-url is not set");
		}
		return this.publicUrl;
	}

	private static int port(String value) {
		if (value == null || !PORT.matcher(value).matches()) {
			return -1;
		}
		int port = Integer.parseInt(value);
		return (port <= 65535) ? port : -1;
	}

	// A chain of proxies appends: the first value is what the client asked for.
	private static String first(String header) {
		if (header == null) {
			return null;
		}
		int comma = header.indexOf(',');
		String value = ((comma >= 0) ? header.substring(0, comma) : header).trim();
		return value.isEmpty() ? null : value;
	}

}
