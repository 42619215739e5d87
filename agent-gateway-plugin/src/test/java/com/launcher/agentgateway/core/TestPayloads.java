package com.launcher.agentgateway.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Hostile texts for tests. */
public final class TestPayloads {

	private TestPayloads() {
	}

	/** The injection corpus (P1): one payload a line, with \r, \n and \\ escaped. */
	public static List<String> injectionCorpus() {
		try (InputStream in = TestPayloads.class.getResourceAsStream("/injection-corpus.txt")) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return Arrays.stream(text.split("\n"))
				.filter((line) -> !line.isEmpty())
				.map((line) -> line.replace("\\r", "\r").replace("\\n", "\n").replace("\\\\", "\\"))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
