package com.launcher.agentgateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

import com.launcher.agentgateway.core.GatewayException;

/**
 * Where the next page of a query starts: after the event at {@code (at, seq)}, in the
 * keyset order {@code (occurred_at, seq)} descending. Clients see it only as an opaque
 * string; the position breaks ties between events of the same instant.
 *
 * @param at the last event's time
 * @param seq the last event's position in the chain
 */
public record AuditCursor(Instant at, long seq) {

	public AuditCursor {
		Objects.requireNonNull(at, "at");
	}

	public String encode() {
		String raw = this.at.getEpochSecond() + ":" + this.at.getNano() + ":" + this.seq;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The cursor a previous page handed out; anything else is the client's mistake.
	 * @throws GatewayException naming {@code cursor} when it is not one of ours
	 */
	public static AuditCursor decode(String cursor) {
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
			return new AuditCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
					Long.parseLong(parts[2]));
		}
		catch (RuntimeException ex) {
			throw GatewayException.invalid("cursor", "is not a cursor from a previous page");
		}
	}

}
