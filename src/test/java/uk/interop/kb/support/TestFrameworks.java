package uk.interop.kb.support;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Assessment framework files for tests: one valid framework to break one thing at a time. */
public final class TestFrameworks {

	private TestFrameworks() {
	}

	/** A valid framework, with {@code replace} pairs applied to its text so one test can break one thing. */
	public static String framework(String... replace) {
		StringBuilder levels = new StringBuilder();
		for (String level : List.of("organisational", "semantic", "structural", "foundational")) {
			levels.append("""
					  - level: %1$s
					    indicators:
					      - id: %1$s-one
					        title: One at %1$s
					        question: How far has it got at %1$s?
					        themes: [data-quality]
					        search: quality
					        handbook: [handbook/semantic#what-this-level-means]
					        steps: [a, b, c, d, e]
					""".formatted(level));
		}
		String text = """
				id: test
				version: "1.0"
				title: A test framework
				scope: Tests
				proposal: true
				summary: For tests.
				notice: A proposal for tests.
				source: Written for tests.
				scale:
				  name: Capability Maturity Model (CMM) maturity levels
				  source: SEI, 1993
				  steps:
				    - {id: initial, label: Initial, meaning: m1}
				    - {id: repeatable, label: Repeatable, meaning: m2}
				    - {id: defined, label: Defined, meaning: m3}
				    - {id: managed, label: Managed, meaning: m4}
				    - {id: optimised, label: Optimised, meaning: m5}
				levels:
				""" + levels;
		for (int i = 0; i < replace.length; i += 2) {
			assertThat(text).as("the fixture holds " + replace[i]).contains(replace[i]);
			text = text.replaceFirst(java.util.regex.Pattern.quote(replace[i]),
					java.util.regex.Matcher.quoteReplacement(replace[i + 1]));
		}
		return text;
	}
}
