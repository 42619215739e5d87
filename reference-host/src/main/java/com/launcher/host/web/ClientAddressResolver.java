package com.launcher.host.web;

import java.util.List;
import java.util.Set;

import com.launcher.host.config.HostProperties;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * The client's address: the socket peer, unless that peer is a configured trusted proxy,
 * in which case the right-most untrusted hop of {@code X-Forwarded-For}. Headers from
 * anyone else are ignored, so a client cannot choose the address it is throttled by.
 */
@Component
public class ClientAddressResolver {

	private final Set<String> trustedProxies;

	public ClientAddressResolver(HostProperties properties) {
		this.trustedProxies = Set.copyOf(properties.security().trustedProxies());
	}

	public String resolve(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		if (!this.trustedProxies.contains(peer)) {
			return peer;
		}
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || forwarded.isBlank()) {
			return peer;
		}
		List<String> hops = List.of(forwarded.split(","));
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i).trim();
			if (!hop.isEmpty() && !this.trustedProxies.contains(hop)) {
				return hop;
			}
		}
		return peer;
	}

}
