package com.launcher.tasker.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network such as {@code 10.0.0.0/8}, as Python's
 * {@code ipaddress.ip_network(text, strict=False)} reads it; an address alone is a
 * network of one.
 *
 * @param network the network's address bytes
 * @param prefix the prefix length
 */
record Cidr(byte[] network, int prefix) {

	// Only literal addresses: InetAddress.getByName must never do a DNS lookup here.
	private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F:.]+");

	Cidr {
		Objects.requireNonNull(network, "network");
		if (prefix < 0 || prefix > network.length * 8) {
			throw new IllegalArgumentException("prefix out of range");
		}
	}

	static Cidr parse(String text) {
		Objects.requireNonNull(text, "cidr");
		String trimmed = text.strip();
		int slash = trimmed.indexOf('/');
		String address = (slash >= 0) ? trimmed.substring(0, slash) : trimmed;
		if (!LITERAL.matcher(address).matches()) {
			throw new IllegalArgumentException("not an IP address or network: " + text);
		}
		byte[] bytes;
		try {
			bytes = InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalArgumentException("not an IP address or network: " + text);
		}
		int prefix;
		try {
			prefix = (slash >= 0) ? Integer.parseInt(trimmed.substring(slash + 1)) : bytes.length * 8;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("not an IP address or network: " + text);
		}
		return new Cidr(bytes, prefix);
	}

	boolean contains(InetAddress address) {
		byte[] bytes = address.getAddress();
		if (bytes.length != this.network.length) {
			return false;
		}
		int full = this.prefix / 8;
		for (int i = 0; i < full; i++) {
			if (bytes[i] != this.network[i]) {
				return false;
			}
		}
		int rest = this.prefix % 8;
		if (rest == 0) {
			return true;
		}
		int mask = (0xFF << (8 - rest)) & 0xFF;
		return (bytes[full] & mask) == (this.network[full] & mask);
	}

}
