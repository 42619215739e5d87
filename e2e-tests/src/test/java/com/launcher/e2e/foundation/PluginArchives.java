package com.launcher.e2e.foundation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin archives in a temporary folder, as PF4J's own loader tests do: a
 * descriptor (or none), and classes compiled on the spot against the host API.
 */
final class PluginArchives {

	private PluginArchives() {
	}

	/**
	 * A zip with the given descriptor lines (null: no descriptor) and compiled sources.
	 */
	static Path zip(Path dir, String name, String descriptor, Map<String, String> sources) {
		try {
			Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
			if (!sources.isEmpty()) {
				compile(dir.resolve(name + "-src"), classes, sources);
			}
			Path zip = dir.resolve(name + ".zip");
			try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
				if (descriptor != null) {
					entry(out, "plugin-descriptor.properties", descriptor.getBytes(StandardCharsets.UTF_8));
				}
				out.putNextEntry(new ZipEntry("classes/"));
				out.closeEntry();
				try (var files = Files.walk(classes)) {
					for (Path file : files.filter(Files::isRegularFile).toList()) {
						entry(out, "classes/" + classes.relativize(file).toString().replace('\\', '/'),
								Files.readAllBytes(file));
					}
				}
			}
			return zip;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void compile(Path sourceDir, Path classes, Map<String, String> sources) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> files = new ArrayList<>();
		for (Map.Entry<String, String> source : sources.entrySet()) {
			Path file = sourceDir.resolve(source.getKey().replace('.', '/') + ".java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, source.getValue());
			files.add(file.toString());
		}
		List<String> args = new ArrayList<>(
				List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"));
		args.addAll(files);
		int status = compiler.run(null, OutputStream.nullOutputStream(), OutputStream.nullOutputStream(),
				args.toArray(String[]::new));
		if (status != 0) {
			throw new IllegalStateException("test plugin did not compile");
		}
	}

	private static void entry(ZipOutputStream out, String name, byte[] bytes) throws IOException {
		out.putNextEntry(new ZipEntry(name));
		out.write(bytes);
		out.closeEntry();
	}

}
