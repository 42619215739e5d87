package com.launcher.agentgateway.observe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.launcher.agentgateway.audit.AuditStreamer;
import com.launcher.agentgateway.audit.AuditStreamer.StreamedEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit stream as a JSON Lines file for a SIEM's shipper: one event per line, with
 * its position and links. Each batch is appended and forced to the disk before the cursor
 * moves. A line torn by a crash in the middle of a write is cut before the next batch, so
 * every line in the file is whole.
 */
public class FileAuditSink implements AuditStreamer.Sink {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HexFormat HEX = HexFormat.of();

	private final Path file;

	public FileAuditSink(Path file) {
		this.file = file.toAbsolutePath();
	}

	@Override
	public void write(List<StreamedEvent> events) {
		StringBuilder lines = new StringBuilder(events.size() * 512);
		for (StreamedEvent event : events) {
			lines.append(JSON.writeValueAsString(line(event))).append('\n');
		}
		ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
		try {
			Path parent = this.file.getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			boolean created = !Files.exists(this.file);
			try (FileChannel channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.READ)) {
				channel.position(wholeLinesEnd(channel));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			if (created && parent != null) {
				forceDirectory(parent);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The file system's own reason (no space left, no permission, a read-only disk): it
	 * names the configured file, never an event's values.
	 */
	@Override
	public String describe(RuntimeException failure) {
		if (failure instanceof UncheckedIOException io) {
			return io.getCause().getClass().getSimpleName() + ": " + io.getCause().getMessage();
		}
		return AuditStreamer.Sink.super.describe(failure);
	}

	/**
	 * Where the file's last whole line ends, the file cut there: a crash in the middle of
	 * a batch can leave a part of a line, which the batch, written again, replaces.
	 */
	private static long wholeLinesEnd(FileChannel channel) throws IOException {
		long size = channel.size();
		ByteBuffer one = ByteBuffer.allocate(1);
		long end = size;
		while (end > 0) {
			one.clear();
			channel.read(one, end - 1);
			if (one.get(0) == '\n') {
				break;
			}
			end--;
		}
		if (end < size) {
			channel.truncate(end);
		}
		return end;
	}

	/** A new file's name must survive a crash too, not only its contents. */
	private static void forceDirectory(Path directory) {
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Not every file system opens directories; the file's own contents are
			// forced.
		}
	}

	static Map<String, Object> line(StreamedEvent streamed) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("seq", streamed.seq());
		line.put("prevHash", HEX.formatHex(streamed.prevHash()));
		line.put("hash", HEX.formatHex(streamed.hash()));
		line.putAll(streamed.event().fields());
		return line;
	}

}
