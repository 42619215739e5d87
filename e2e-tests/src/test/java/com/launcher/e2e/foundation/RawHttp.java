package com.launcher.e2e.foundation;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written as raw ISO-8859-1 bytes: HTTP clients refuse to send what a firewall
 * test needs (path parameters, odd methods, control characters in a header).
 */
final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request line and headers (each ending in CRLF) with an empty body, and
	 * answers the response's status code.
	 */
	static int status(int port, String requestHead) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestHead + "Host: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String status = new String(in.readNBytes(12), StandardCharsets.ISO_8859_1);
			return Integer.parseInt(status.substring(9, 12));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Sends a request head and a body that breaks off: the bytes given, then the end of
	 * the client's half of the connection, as a client that hangs up mid-body does.
	 * Answers the response's status code, or -1 when the server closed without one.
	 */
	static int brokenBody(int port, String requestHead, String bodyStart) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write((requestHead + "Host: 127.0.0.1\r\nConnection: close\r\n\r\n" + bodyStart)
				.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			socket.shutdownOutput();
			byte[] status = socket.getInputStream().readNBytes(12);
			return (status.length < 12) ? -1
					: Integer.parseInt(new String(status, StandardCharsets.ISO_8859_1).substring(9, 12));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
