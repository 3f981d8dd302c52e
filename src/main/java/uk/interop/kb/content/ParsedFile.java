package uk.interop.kb.content;

import java.util.List;
import java.util.Optional;

/** The outcome of reading one file: a document (unless it had to be skipped), its body and its problems. */
public record ParsedFile(Optional<Document> document, String body, List<ContentProblem> problems) {

	public ParsedFile {
		problems = List.copyOf(problems);
	}
}
