package uk.interop.kb.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every action code the app records has words for the audit log page and its export. */
class AuditActionsTests {

	/** A string literal of capitals and underscores passed to {@code audit.record(…)} or {@code move(…)}. */
	private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z_]{3,}[A-Z])\"");

	@Test
	void everyRecordedCodeHasALabel() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
				String text = Files.readString(file);
				if (!text.contains("audit.record(") && !text.contains("AuditLog")) {
					continue;
				}
				for (String line : text.split("\n")) {
					if (line.contains("audit.record(") || line.contains("move(") || line.contains("? \"")) {
						Matcher matcher = CODE.matcher(line);
						while (matcher.find()) {
							codes.add(matcher.group(1));
						}
					}
				}
			}
		}
		for (String action : new String[] { "PROPOSE", "AGREE", "DISPUTE", "CHANGE" }) {
			codes.add("PROBLEM_BOOK_" + action);
		}
		codes.removeIf(code -> code.equals("PROBLEM_BOOK_") || code.equals("ADMIN") || code.equals("EDITOR"));

		assertThat(codes).as("codes found in the sources").contains("SIGN_IN", "SUBMISSION_PUBLISHED", "BACKUP_CREATED");
		assertThat(AuditActions.all().keySet()).containsAll(codes);
	}

	@Test
	void anUnknownCodeReadsInSentenceCase() {
		assertThat(AuditActions.label("SIGN_IN")).isEqualTo("Signed in");
		assertThat(AuditActions.label("SOMETHING_NEW_HAPPENED")).isEqualTo("Something new happened");
		assertThat(AuditActions.label("")).isEmpty();
	}
}
