package uk.interop.kb.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body can be read only up to a limit, counted as it is read: so a body sent with
 * {@code Transfer-Encoding: chunked} (no {@code Content-Length} to check first) is cut off at the
 * limit too. Reading past it throws {@link TooLargeException}, which is answered 413.
 */
public final class BoundedBody extends HttpServletRequestWrapper {

	private final long limit;
	private ServletInputStream stream;

	public BoundedBody(HttpServletRequest request, long limit) {
		super(request);
		this.limit = limit;
	}

	public long limit() {
		return limit;
	}

	/** The tightest limit on this request's body so far, or -1 if none (a wrapper may wrap a wrapper). */
	public static long limitOf(jakarta.servlet.ServletRequest request) {
		long tightest = -1;
		while (request instanceof jakarta.servlet.ServletRequestWrapper wrapper) {
			if (request instanceof BoundedBody bounded) {
				tightest = tightest < 0 ? bounded.limit : Math.min(tightest, bounded.limit);
			}
			request = wrapper.getRequest();
		}
		return tightest;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (stream == null) {
			stream = new Counted(super.getInputStream(), limit);
		}
		return stream;
	}

	@Override
	public BufferedReader getReader() throws IOException {
		String encoding = getCharacterEncoding();
		Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
		return new BufferedReader(new InputStreamReader(getInputStream(), charset));
	}

	/** Whether {@code failure}, or anything that caused it, is a body over its limit. */
	public static boolean tooLarge(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof TooLargeException) {
				return true;
			}
		}
		return false;
	}

	/** The body went past its limit; nothing after the limit was read. */
	public static final class TooLargeException extends IOException {
		private final long limit;

		TooLargeException(long limit) {
			super("The request body is larger than " + limit + " bytes");
			this.limit = limit;
		}

		public long limit() {
			return limit;
		}
	}

	private static final class Counted extends ServletInputStream {
		private final ServletInputStream in;
		private final long limit;
		private long read;

		Counted(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			// Never ask for more than one byte past the limit: that byte is enough to know.
			long room = limit - read + 1;
			int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, room)));
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLargeException {
			read += n;
			if (read > limit) {
				throw new TooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
