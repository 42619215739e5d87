package com.launcher.e2e.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time by kind of thread over a benchmark's window, read from {@code /proc}: this
 * JVM's threads by their name (the host's request threads, the JIT compilers, the garbage
 * collector, the rest), and PostgreSQL's processes (the sessions, and its background
 * workers). The machine's figure says how much a call costs; this says where. A row
 * measured while the JIT compilers still work is not the steady state: one-agent
 * {@code ping} rows of the same build differed by a third between runs, and the slower
 * ones had the compilers busy for a tenth of each call.
 */
final class CpuByThread {

	/** Ticks (user, system) per thread or process id, with the group it counts in. */
	record Snapshot(Map<String, long[]> ticks, Map<String, String> groups) {
	}

	private static final List<String> ORDER = List.of("request threads", "JIT compilers", "garbage collector",
			"other JVM threads", "PostgreSQL sessions", "PostgreSQL background");

	private CpuByThread() {
	}

	/** A snapshot, or null where {@code /proc} cannot be read. */
	static Snapshot take() {
		Map<String, long[]> ticks = new HashMap<>();
		Map<String, String> groups = new HashMap<>();
		try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"));
				Stream<Path> processes = Files.list(Path.of("/proc"))) {
			threads.forEach((task) -> read(task, "jvm-" + task.getFileName(), jvmGroup(comm(task)), ticks, groups));
			processes.filter((process) -> process.getFileName().toString().chars().allMatch(Character::isDigit))
				.filter((process) -> comm(process).startsWith("postgres"))
				.forEach((process) -> read(process, "pg-" + process.getFileName(), postgresGroup(process), ticks,
						groups));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		return new Snapshot(ticks, groups);
	}

	/**
	 * Milliseconds per call by group, user and system, for the threads and processes
	 * alive at both ends of the window.
	 */
	static String perCall(Snapshot before, Snapshot after, long calls) {
		if (before == null || after == null || calls == 0) {
			return "";
		}
		Map<String, long[]> sums = new LinkedHashMap<>();
		ORDER.forEach((group) -> sums.put(group, new long[2]));
		after.ticks().forEach((id, now) -> {
			long[] then = before.ticks().get(id);
			if (then != null) {
				long[] sum = sums.get(after.groups().get(id));
				sum[0] += now[0] - then[0];
				sum[1] += now[1] - then[1];
			}
		});
		StringBuilder line = new StringBuilder("  CPU per call by thread, ms (user + system):");
		// USER_HZ is 100 on Linux: one tick is 10 ms.
		sums.forEach((group, sum) -> line.append(String.format(Locale.ROOT, " %s %.3f (%.3f + %.3f);", group,
				(sum[0] + sum[1]) * 10.0 / calls, sum[0] * 10.0 / calls, sum[1] * 10.0 / calls)));
		line.setLength(line.length() - 1);
		return line.append(System.lineSeparator()).toString();
	}

	private static void read(Path dir, String id, String group, Map<String, long[]> ticks, Map<String, String> groups) {
		try {
			String stat = Files.readString(dir.resolve("stat"));
			// utime and stime are fields 14 and 15 of the line, 12 and 13 after the name,
			// which may hold spaces and ends at the last ')'.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			ticks.put(id, new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]) });
			groups.put(id, group);
		}
		catch (IOException ex) {
			// The thread or process ended between the listing and the read.
		}
	}

	private static String comm(Path dir) {
		try {
			return Files.readString(dir.resolve("comm")).trim();
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String jvmGroup(String name) {
		if (name.startsWith("http-nio-")) {
			return "request threads";
		}
		if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
			return "JIT compilers";
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
			return "garbage collector";
		}
		return "other JVM threads";
	}

	private static String postgresGroup(Path process) {
		try {
			// A session's title names its client's address: "postgres: user db
			// 127.0.0.1(port) idle".
			String title = Files.readString(process.resolve("cmdline")).replace('\0', ' ');
			return title.contains("(") ? "PostgreSQL sessions" : "PostgreSQL background";
		}
		catch (IOException ex) {
			return "PostgreSQL background";
		}
	}

}
