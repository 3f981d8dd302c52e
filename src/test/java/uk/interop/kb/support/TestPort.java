package uk.interop.kb.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The shared test app's port, chosen free once per JVM before the context starts, so that its
 * {@code kb.base-url} (from which every absolute URL, emailed link and OpenID redirect is built) is
 * the address the tests actually reach it at.
 */
public final class TestPort {

	public static final int PORT = free();

	private TestPort() {
	}

	public static String baseUrl() {
		return "http://localhost:" + PORT;
	}

	private static int free() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
