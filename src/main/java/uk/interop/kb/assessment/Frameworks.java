package uk.interop.kb.assessment;

import java.util.List;
import java.util.Optional;

import uk.interop.kb.content.ContentProblem;

/** The frameworks offered, as loaded at start-up from {@code content/assessments/}, and what was wrong with the rest. */
public final class Frameworks {

	private final List<Framework> all;
	private final List<ContentProblem> problems;

	public Frameworks(FrameworkLoader.Loaded loaded) {
		this.all = loaded.frameworks();
		this.problems = loaded.problems();
	}

	public List<Framework> all() {
		return all;
	}

	public Optional<Framework> find(String id) {
		return all.stream().filter(f -> f.id().equals(id)).findFirst();
	}

	public List<ContentProblem> problems() {
		return problems;
	}
}
