package com.launcher.agentgateway.token;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import com.launcher.agentgateway.core.GatewayException;

/** Checks an address against CIDR blocks (IPv4 and IPv6), without DNS lookups. */
public final class CidrMatcher {

	/**
	 * What a numeric address may look like; compiled once, because every request's source
	 * address is checked against it (String.matches compiles on each call).
	 */
	private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	private CidrMatcher() {
	}

	/** Validates a list of CIDR blocks, naming the field on error. */
	public static List<String> validate(List<String> cidrs) {
		if (cidrs == null) {
			return List.of();
		}
		if (cidrs.size() > 10) {
			throw GatewayException.invalid("allowedCidrs", "must have at most 10 entries");
		}
		for (String cidr : cidrs) {
			if (cidr == null || !cidr.matches("[0-9A-Fa-f:.]{2,45}/\\d{1,3}") || parse(cidr) == null) {
				throw GatewayException.invalid("allowedCidrs", "must be CIDR blocks such as 10.0.0.0/8");
			}
		}
		return List.copyOf(cidrs);
	}

	/**
	 * The source that failed authentications count against: an IPv4 address as it is, an
	 * IPv6 address by its /64, since one host commonly holds a whole /64 and would
	 * otherwise reset the throttle with every new address (issue 12, point 2). Anything
	 * else (not a literal) is its own source.
	 * @param address the client address
	 * @return the throttled source
	 */
	public static String throttleKey(String address) {
		byte[] literal = literal(address);
		if (literal == null || literal.length == 4) {
			return (literal == null) ? address : formatted(literal);
		}
		byte[] prefix = Arrays.copyOf(literal, 16);
		Arrays.fill(prefix, 8, 16, (byte) 0);
		return formatted(prefix) + "/64";
	}

	private static String formatted(byte[] address) {
		try {
			return InetAddress.getByAddress(address).getHostAddress();
		}
		catch (UnknownHostException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static boolean matchesAny(List<String> cidrs, String address) {
		if (cidrs.isEmpty()) {
			return true;
		}
		byte[] candidate = literal(address);
		if (candidate == null) {
			return false;
		}
		for (String cidr : cidrs) {
			Block block = parse(cidr);
			if (block != null && block.contains(candidate)) {
				return true;
			}
		}
		return false;
	}

	private static Block parse(String cidr) {
		int slash = cidr.indexOf('/');
		byte[] network = literal(cidr.substring(0, slash));
		int bits;
		try {
			bits = Integer.parseInt(cidr.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (network == null || bits < 0 || bits > network.length * 8) {
			return null;
		}
		return new Block(network, bits);
	}

	private static byte[] literal(String address) {
		// Only numeric literals: InetAddress would otherwise resolve names through DNS.
		// A literal has a '.' or a ':'; "cafe" alone is all hex digits yet would be a
		// name.
		if (address == null || !LITERAL.matcher(address).matches()
				|| (address.indexOf('.') < 0 && address.indexOf(':') < 0)) {
			return null;
		}
		try {
			return InetAddress.getByName(address).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Block(byte[] network, int bits) {

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int full = this.bits / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = 0xFF << (8 - rest) & 0xFF;
			return (address[full] & mask) == (this.network[full] & mask);
		}

	}

}
