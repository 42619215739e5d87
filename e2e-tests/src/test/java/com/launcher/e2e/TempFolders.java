package com.launcher.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.FileSystemUtils;

/**
 * Removes a folder a test made in the machine's temporary folder. A process the test just
 * ended (Chromium's helpers, a Codex child) can still be writing into it for a moment,
 * which fails a walk that deletes as it goes: the removal is tried again for a little
 * while before it fails the test, since what is left may hold tokens.
 */
public final class TempFolders {

	private static final int ATTEMPTS = 10;

	private static final Duration PAUSE = Duration.ofMillis(200);

	private TempFolders() {
	}

	public static void remove(Path folder) {
		IOException last = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				FileSystemUtils.deleteRecursively(folder);
				return;
			}
			catch (IOException ex) {
				last = ex;
			}
			try {
				Thread.sleep(PAUSE.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		throw new UncheckedIOException("Could not remove " + folder, last);
	}

}
