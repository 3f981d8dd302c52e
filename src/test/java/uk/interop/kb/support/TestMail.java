package uk.interop.kb.support;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * GreenMail, a real SMTP server in the test JVM on a free loopback port, started once and shared by
 * every test (the app's context is configured to send to it before it starts: {@link TestServers}).
 * Tests keep apart by recipient: each uses addresses of its own.
 */
public final class TestMail {

	private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");
	private static GreenMail server;

	private TestMail() {
	}

	/** A received message, read: both parts, its headers and the links in its text. */
	public record Mail(String to, String subject, String text, String html, MimeMessage raw) {

		public List<String> links() {
			List<String> links = new ArrayList<>();
			Matcher matcher = LINK.matcher(text);
			while (matcher.find()) {
				links.add(matcher.group());
			}
			return links;
		}

		/** The first link whose path contains {@code part}. */
		public String link(String part) {
			return links().stream().filter(l -> l.contains(part)).findFirst()
				.orElseThrow(() -> new AssertionError("No link with " + part + " in:\n" + text));
		}

		/** The URL in the RFC 8058 {@code List-Unsubscribe} header. */
		public String unsubscribeUrl() {
			String header = header("List-Unsubscribe").orElseThrow(() -> new AssertionError("No List-Unsubscribe"));
			return header.substring(1, header.length() - 1);
		}

		/** What a mail program does with the RFC 8058 headers: a bare POST, no cookie, no CSRF token. */
		public java.net.http.HttpResponse<String> oneClickUnsubscribe(String tamper) {
			try {
				return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
					.newBuilder(java.net.URI.create(unsubscribeUrl() + tamper))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
						java.net.http.HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		public Optional<String> header(String name) {
			try {
				String[] values = raw.getHeader(name);
				return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[0]);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}
	}

	public static synchronized GreenMail server() {
		if (server == null) {
			server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
			server.start();
		}
		return server;
	}

	public static int port() {
		return server().getSmtp().getPort();
	}

	/** Every message received so far for this address, oldest first. */
	public static List<Mail> to(String address) {
		return Arrays.stream(server().getReceivedMessages()).filter(m -> addressedTo(m, address)).map(TestMail::read)
			.toList();
	}

	/** Waits (up to 20 s) for a message to this address that matches; fails with what did arrive. */
	public static Mail await(String address, Predicate<Mail> matching) {
		return await(address, matching, Duration.ofSeconds(20));
	}

	public static Mail await(String address, Predicate<Mail> matching, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (true) {
			Optional<Mail> found = to(address).stream().filter(matching).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("No matching email to " + address + " within " + timeout + "; received: "
						+ to(address).stream().map(Mail::subject).toList());
			}
			sleep(50);
		}
	}

	/** Waits for a message to this address whose subject contains {@code subject}. */
	public static Mail awaitSubject(String address, String subject) {
		return await(address, m -> m.subject().contains(subject));
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			Address[] to = message.getAllRecipients();
			return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	public static Mail read(MimeMessage message) {
		try {
			String text = "";
			String html = "";
			Object content = message.getContent();
			if (content instanceof MimeMultipart parts) {
				for (int i = 0; i < parts.getCount(); i++) {
					BodyPart part = parts.getBodyPart(i);
					if (part.isMimeType("text/plain")) {
						text = part.getContent().toString();
					}
					else if (part.isMimeType("text/html")) {
						html = part.getContent().toString();
					}
				}
			}
			else {
				text = content.toString();
			}
			return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text, html, message);
		}
		catch (MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
