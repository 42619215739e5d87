package com.launcher.tasker.sandbox;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plane's guard against webhooks aimed inside its own network ({@code validate_url} in
 * {@code plane/utils/ip_address.py}): an http or https URL whose host is allowed by name,
 * or resolves only to addresses that are public or allowed. Plane checks it when a
 * webhook is saved and again before every send, where a refused URL is dropped without a
 * trace (plane-api.md §7).
 */
final class WebhookUrlPolicy {

	/**
	 * What Python's {@code ipaddress} calls private, loopback, reserved or link-local
	 * (Python 3.12's registry tables). IPv4-mapped IPv6 addresses ({@code ::ffff:0:0/96})
	 * need no entry: Java reads them as the IPv4 addresses they carry.
	 */
	private static final List<Cidr> INTERNAL = List
		.of("0.0.0.0/8", "10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/29",
				"192.0.0.170/31", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
				"203.0.113.0/24", "240.0.0.0/4", "255.255.255.255/32", "::1/128", "::/128", "64:ff9b:1::/48",
				"100::/64", "2001::/23", "2001:db8::/32", "2002::/16", "fc00::/7", "fe80::/10", "fec0::/10")
		.stream()
		.map(Cidr::parse)
		.toList();

	private volatile List<Cidr> allowedIps;

	private volatile List<String> allowedHosts;

	WebhookUrlPolicy(WebhookOptions options) {
		allow(options.allowedIps(), options.allowedHosts());
	}

	void allow(List<String> ips, List<String> hosts) {
		this.allowedIps = ips.stream().map(Cidr::parse).toList();
		this.allowedHosts = hosts.stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * Checks a URL as Plane's serializer does when a webhook is saved.
	 * @param url the URL
	 * @throws PlaneError 400 with Plane's field message when refused
	 */
	void checkOnSave(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (Exception ex) {
			throw PlaneError.fields(Map.of("url", List.of("Enter a valid URL.")));
		}
		String scheme = uri.getScheme();
		if (!"http".equals(scheme) && !"https".equals(scheme)) {
			throw PlaneError.fields(Map.of("url", List.of("Invalid schema. Only HTTP and HTTPS are allowed.")));
		}
		// The model's validate_domain compares the whole netloc, so a port slips past it.
		String netloc = uri.getRawAuthority();
		if ("localhost".equals(netloc) || "127.0.0.1".equals(netloc)) {
			throw PlaneError.fields(Map.of("url", List.of("Local URLs are not allowed.")));
		}
		if (refusal(url) != null) {
			throw PlaneError.fields(Map.of("url", "Invalid or disallowed webhook URL."));
		}
	}

	/**
	 * Why Plane would refuse to send to this URL now.
	 * @param url the webhook's URL
	 * @return the reason, or {@code null} when it may be sent
	 */
	String refusal(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (Exception ex) {
			return "Invalid URL: No hostname found";
		}
		String host = uri.getHost();
		if (host == null || host.isEmpty()) {
			return "Invalid URL: No hostname found";
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			return "Invalid URL scheme. Only HTTP and HTTPS are allowed";
		}
		String normalized = stripBrackets(host).replaceAll("\\.$", "").toLowerCase(Locale.ROOT);
		if (this.allowedHosts.contains(normalized)) {
			return null;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(stripBrackets(host));
		}
		catch (UnknownHostException ex) {
			return "Hostname could not be resolved";
		}
		for (InetAddress address : addresses) {
			if (isInternal(address) && this.allowedIps.stream().noneMatch((cidr) -> cidr.contains(address))) {
				return "Access to private/internal networks is not allowed";
			}
		}
		return null;
	}

	static boolean isInternal(InetAddress address) {
		return INTERNAL.stream().anyMatch((cidr) -> cidr.contains(address));
	}

	private static String stripBrackets(String host) {
		return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
	}

}
