package com.launcher.host.plugin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.util.FileSystemUtils;

/**
 * Where plugins come from, and a plugin's zip expanded into a folder of its own under the
 * host's work folder: PF4J loads a plugin from a folder, and each load gets a new one, so
 * a reload never reads classes the previous load still holds open.
 */
final class PluginArchives {

	private static final Logger logger = LoggerFactory.getLogger(PluginArchives.class);

	private PluginArchives() {
	}

	/**
	 * Where the plugins come from: the development paths when any are set (folders loaded
	 * as they are), else every zip in the plugin folder, in name order.
	 * @param development the development paths, usually none
	 * @param dir the plugin folder
	 * @return the sources to load
	 */
	static List<Path> sources(List<Path> development, Path dir) {
		if (!development.isEmpty()) {
			return development;
		}
		if (!Files.isDirectory(dir)) {
			logger.info("No plugin folder at {}; starting without plugins", dir.toAbsolutePath());
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((p) -> p.getFileName().toString().endsWith(".zip")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Expands a zip.
	 * @param zip the plugin's archive
	 * @param workRoot the host's folder for expanded plugins
	 * @param load what makes this load's folder its own (the process and a counter)
	 * @return the folder the plugin was expanded into
	 * @throws IllegalArgumentException when an entry would land outside that folder
	 * @throws UncheckedIOException when the zip cannot be read or the folder written
	 */
	static Path expand(Path zip, Path workRoot, String load) {
		String name = zip.getFileName().toString().replaceFirst("\\.zip$", "");
		Path target = workRoot.resolve(name + "-" + load).toAbsolutePath().normalize();
		try {
			FileSystemUtils.deleteRecursively(target);
			Files.createDirectories(target);
			try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
				for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					Path out = target.resolve(entry.getName()).normalize();
					// Zip slip: an entry named ../x would write outside the plugin's
					// folder.
					if (!out.startsWith(target)) {
						throw new IllegalArgumentException("zip entry escapes the plugin folder: " + entry.getName());
					}
					if (entry.isDirectory()) {
						Files.createDirectories(out);
					}
					else {
						Files.createDirectories(out.getParent());
						Files.copy(in, out);
					}
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot expand " + zip.getFileName(), ex);
		}
	}

	/** Removes folders expanded from zips by earlier runs of this host. */
	static void deleteStaleWorkFolders(Path workRoot) {
		if (!Files.isDirectory(workRoot)) {
			return;
		}
		try (DirectoryStream<Path> dirs = Files.newDirectoryStream(workRoot)) {
			for (Path dir : dirs) {
				FileSystemUtils.deleteRecursively(dir);
			}
		}
		catch (IOException ex) {
			logger.debug("Could not clean {}: {}", workRoot, ex.getMessage());
		}
	}

}
