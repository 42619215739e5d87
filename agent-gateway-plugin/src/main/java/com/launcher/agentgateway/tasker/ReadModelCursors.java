package com.launcher.agentgateway.tasker;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.launcher.agentgateway.core.GatewayException;
import com.launcher.agentgateway.readmodel.CopySearch;
import com.launcher.agentgateway.readmodel.ReadModelStore;

/**
 * The port's cursors over pages of the copy: where the last page ended (a time or a rank,
 * and an id), as text. The tools wrap them in their own cursors, bound to the list; a
 * cursor that does not parse is the agent's mistake, told as such.
 */
final class ReadModelCursors {

	static final String CARDS = "rm:";

	static final String COMMENTS = "rc:";

	static final String SEARCH = "rs:";

	private ReadModelCursors() {
	}

	static String card(OffsetDateTime updatedAt, UUID id) {
		return CARDS + micros(updatedAt.toInstant()) + ":" + id;
	}

	static String comment(OffsetDateTime createdAt, UUID id) {
		return COMMENTS + ((createdAt != null) ? micros(createdAt.toInstant()) : "") + ":" + id;
	}

	/**
	 * A rank as Java writes a float: the shortest text PostgreSQL reads back as the same
	 * real.
	 */
	static String search(float rank, UUID id) {
		return SEARCH + Float.toString(rank) + ":" + id;
	}

	static ReadModelStore.CardKey cardKey(String cursor) {
		String[] parts = parts(cursor, CARDS);
		try {
			return new ReadModelStore.CardKey(time(parts[0]), UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw notOurs();
		}
	}

	static ReadModelStore.CommentKey commentKey(String cursor) {
		String[] parts = parts(cursor, COMMENTS);
		try {
			return new ReadModelStore.CommentKey(parts[0].isEmpty() ? null : time(parts[0]), UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw notOurs();
		}
	}

	static CopySearch.Key searchKey(String cursor) {
		String[] parts = parts(cursor, SEARCH);
		try {
			float rank = Float.parseFloat(parts[0]);
			if (!Float.isFinite(rank)) {
				throw new IllegalArgumentException();
			}
			return new CopySearch.Key(rank, UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException ex) {
			throw notOurs();
		}
	}

	static GatewayException notOurs() {
		return GatewayException.invalid("cursor", "is not a cursor of this list");
	}

	private static String[] parts(String cursor, String prefix) {
		if (!cursor.startsWith(prefix)) {
			throw notOurs();
		}
		String[] parts = cursor.substring(prefix.length()).split(":", -1);
		if (parts.length != 2) {
			throw notOurs();
		}
		return parts;
	}

	private static String micros(Instant instant) {
		return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
	}

	private static OffsetDateTime time(String micros) {
		return Instant.EPOCH.plus(Long.parseLong(micros), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

}
