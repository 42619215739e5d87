package com.launcher.agentgateway.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.launcher.agentgateway.core.CanonicalJson;
import com.launcher.agentgateway.core.CanonicalJson.ControlEscapes;

/**
 * SHA-256 over a canonical JSON of {@code {tool, arguments}} (security.md: key order and
 * number format must not matter). Works on the plain values a JSON parser produces (maps,
 * lists, strings, numbers, booleans, null), so this package needs no JSON library.
 */
public final class Fingerprint {

	private final byte[] digest;

	private Fingerprint(byte[] digest) {
		this.digest = digest;
	}

	/**
	 * The fingerprint of a call, leaving out the arguments named in {@code ignored} (the
	 * idempotency key itself).
	 * @param tool the tool name
	 * @param arguments the call's arguments
	 * @param ignored argument names that are not part of the operation
	 * @return the fingerprint
	 */
	public static Fingerprint of(String tool, Map<String, ?> arguments, Collection<String> ignored) {
		Map<String, Object> rest = new TreeMap<>();
		if (arguments != null) {
			arguments.forEach((key, value) -> {
				if (!ignored.contains(key)) {
					rest.put(key, value);
				}
			});
		}
		Map<String, Object> whole = new TreeMap<>();
		whole.put("arguments", rest);
		whole.put("tool", tool);
		return new Fingerprint(sha256(canonicalJson(whole)));
	}

	public static Fingerprint fromBytes(byte[] digest) {
		Objects.requireNonNull(digest, "digest");
		return new Fingerprint(digest.clone());
	}

	public byte[] bytes() {
		return this.digest.clone();
	}

	/**
	 * The canonical text that is hashed; see {@link CanonicalJson}.
	 * @param value a JSON-like value
	 * @return its canonical JSON, with RFC 8259's short escapes
	 */
	public static String canonicalJson(Object value) {
		return CanonicalJson.write(value, ControlEscapes.SHORT);
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Fingerprint that) && MessageDigest.isEqual(this.digest, that.digest);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.digest);
	}

	@Override
	public String toString() {
		return HexFormat.of().formatHex(this.digest);
	}

}
