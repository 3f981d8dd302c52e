package uk.interop.kb.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.MessagingException;

/**
 * The embedded default, when no mail server is configured: each message becomes an {@code .eml} file
 * under {@code data/outbox/} (openable in any mail program) and one log line, so a person trying the
 * app can read what would have been sent. The file is named by its row, so sending it again
 * overwrites the same file.
 */
final class FileTransport implements MailTransport {

	static final Pattern FILE_NAME = Pattern.compile("\\d{8}-\\d{6}-\\d{1,19}\\.eml");
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
	private static final Logger log = LoggerFactory.getLogger(FileTransport.class);

	private final Path folder;
	private final NotificationProperties properties;

	FileTransport(Path folder, NotificationProperties properties) {
		this.folder = folder;
		this.properties = properties;
	}

	@Override
	public void send(OutboxRepository.Row message) throws DeliveryException {
		Path file = folder.resolve(STAMP.format(message.createdAt()) + "-" + message.id() + ".eml");
		try {
			Files.createDirectories(folder);
			Path partial = Files.createTempFile(folder, "writing-", ".part");
			try (OutputStream out = Files.newOutputStream(partial)) {
				MimeMessages.build(message, properties).writeTo(out);
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new DeliveryException("Could not write " + file + ": " + ex.getMessage(), false, ex);
		}
		catch (MessagingException ex) {
			throw new DeliveryException("The message could not be built: " + ex.getMessage(), true, ex);
		}
		log.info("Email not sent (no mail server configured): {} to {}, \"{}\", written to {}", message.kind(),
				message.recipient(), message.subject(), file);
	}

	/** The messages written so far, newest first. */
	List<Path> files() {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		try (Stream<Path> all = Files.list(folder)) {
			return all.filter(p -> FILE_NAME.matcher(p.getFileName().toString()).matches())
				.sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
				.toList();
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** One written message by its file name; only names this transport makes, so no path can escape the folder. */
	Optional<Path> file(String name) {
		if (name == null || !FILE_NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = folder.resolve(name);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	@Override
	public String describe() {
		return "Files under " + folder + " (no mail server configured)";
	}
}
