package uk.interop.kb.content;

import java.util.List;

/** Every document that loaded and every problem found, for one pass over the content folder. */
public record ContentSnapshot(List<SourceDocument> documents, List<ContentProblem> problems) {

	public ContentSnapshot {
		documents = List.copyOf(documents);
		problems = List.copyOf(problems);
	}

	public boolean clean() {
		return problems.stream().noneMatch(p -> p.severity().failsValidation());
	}
}
