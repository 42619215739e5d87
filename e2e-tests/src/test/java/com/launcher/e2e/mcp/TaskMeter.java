package com.launcher.e2e.mcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.launcher.e2e.LauncherCluster;
import com.launcher.tasker.sandbox.JournalEntry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema;
import tools.jackson.databind.JsonNode;

/**
 * What one agent task costs, counted as an agent pays for it: tool calls, and the bytes
 * of the text the client hands the model (each result's text content, UTF-8); and what it
 * costs Tasker, counted in the sandbox's journal.
 */
final class TaskMeter {

	private final LauncherCluster cluster;

	private final McpSyncClient client;

	private final List<String> tools = new ArrayList<>();

	private long bytes;

	TaskMeter(LauncherCluster cluster, McpSyncClient client) {
		this.cluster = cluster;
		this.client = client;
		cluster.sandbox().clearJournal();
	}

	/** One successful tool call; a refusal fails the task. */
	JsonNode call(String tool, Map<String, Object> arguments) {
		McpSchema.CallToolResult result = McpClients.call(this.client, tool, arguments);
		this.tools.add(tool);
		for (McpSchema.Content content : result.content()) {
			if (content instanceof McpSchema.TextContent text) {
				this.bytes += text.text().getBytes(StandardCharsets.UTF_8).length;
			}
		}
		if (Boolean.TRUE.equals(result.isError())) {
			throw new AssertionError(tool + " refused: " + McpClients.structured(result));
		}
		return McpClients.structured(result);
	}

	int calls() {
		return this.tools.size();
	}

	long bytes() {
		return this.bytes;
	}

	/**
	 * Tasker calls other than member-list reads. Those serve the owner's membership
	 * check, whose answer is kept for a while (membership-cache.bound), so how many reach
	 * Tasker depends on the clock; they are counted apart, in {@link #memberReads()}.
	 */
	int taskerCalls() {
		return (int) this.cluster.sandbox().journal().stream().filter((e) -> !isMemberRead(e)).count();
	}

	int memberReads() {
		return (int) this.cluster.sandbox().journal().stream().filter(TaskMeter::isMemberRead).count();
	}

	private static boolean isMemberRead(JournalEntry entry) {
		return entry.method().equals("GET") && entry.path().endsWith("/members/");
	}

	/** A line of the figures table in docs/BENCHMARKS.md. */
	String row(String task) {
		return String.format("| %s | %d | %d | %d + %d | %s |", task, calls(), bytes(), taskerCalls(), memberReads(),
				String.join(", ", this.tools));
	}

}
