package uk.interop.kb.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP written by hand on a socket, for what {@link java.net.http.HttpClient} will not send: a forged
 * {@code Host} header, a request target Tomcat refuses, a chunked body of any size. Every request
 * asks the server to close the connection, and the answer is read to its end.
 */
public final class RawHttp {

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	public record Response(int status, Map<String, List<String>> headers, String body) {

		public Optional<String> header(String name) {
			List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
			return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
		}

		/** The status line, headers and body as one text, for "nowhere in the answer" checks. */
		public String all() {
			StringBuilder text = new StringBuilder().append(status).append('\n');
			headers.forEach((name, values) -> values.forEach(v -> text.append(name).append(": ").append(v).append('\n')));
			return text.append('\n').append(body).toString();
		}
	}

	/** A GET with the given headers (a {@code Host} among them replaces the default). */
	public Response get(String target, Map<String, String> headers) {
		return send("GET", target, headers, null);
	}

	/** Sends the request line, headers and raw body bytes as given (with a Content-Length unless the headers frame the body). */
	public Response send(String method, String target, Map<String, String> headers, byte[] body) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("Host", "localhost:" + port);
		headers.forEach((name, value) -> {
			all.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
			all.put(name, value);
		});
		boolean framed = all.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Content-Length")
				|| name.equalsIgnoreCase("Transfer-Encoding"));
		if (body != null && !framed) {
			all.put("Content-Length", Integer.toString(body.length));
		}
		all.put("Connection", "close");
		StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
		head.append("\r\n");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			if (body != null) {
				try {
					out.write(body);
				}
				catch (IOException closedEarly) {
					// The server may answer and close before reading a body it refuses: read that answer.
				}
			}
			out.flush();
			return read(socket.getInputStream());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code body} as an HTTP/1.1 chunked body, in chunks of {@code size} bytes. */
	public static byte[] chunked(byte[] body, int size) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / size * 8 + 16);
		for (int i = 0; i < body.length; i += size) {
			int length = Math.min(size, body.length - i);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.write(body, i, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
		return out.toByteArray();
	}

	private static Response read(InputStream in) throws IOException {
		byte[] bytes;
		try {
			bytes = in.readAllBytes();
		}
		catch (java.net.SocketException reset) {
			throw new UncheckedIOException("The connection was reset before an answer was read", reset);
		}
		String text = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("No complete answer: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).strip());
		}
		byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
		boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream()
			.anyMatch(v -> v.equalsIgnoreCase("chunked"));
		byte[] body = chunked ? dechunk(rest) : rest;
		return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < bytes.length) {
			int lineEnd = indexOf(bytes, at);
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
			int size = Integer.parseInt(sizeText, 16);
			if (size == 0) {
				break;
			}
			out.write(bytes, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return -1;
	}
}
