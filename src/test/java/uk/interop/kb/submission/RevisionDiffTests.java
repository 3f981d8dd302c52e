package uk.interop.kb.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RevisionDiffTests {

	private static String lines(int from, int to) {
		StringBuilder text = new StringBuilder();
		for (int i = from; i <= to; i++) {
			text.append("line ").append(i).append('\n');
		}
		return text.toString();
	}

	@Test
	void aChangedLineIsShownAsRemovedThenAddedWithTwoLinesOfContextAndWhereItStarts() {
		String before = lines(1, 10);
		String after = before.replace("line 5\n", "line five\n");

		RevisionDiff diff = RevisionDiff.between(before, after);

		assertThat(diff.lines()).extracting(RevisionDiff.Line::kind, RevisionDiff.Line::text).containsExactly(
				org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.HUNK, "From line 3"),
				org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.CONTEXT, "line 3"),
				org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.CONTEXT, "line 4"),
				org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.REMOVED, "line 5"),
				org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.ADDED, "line five"),
				org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.CONTEXT, "line 6"),
				org.assertj.core.groups.Tuple.tuple(RevisionDiff.Kind.CONTEXT, "line 7"));
		assertThat(diff.lines()).noneMatch(line -> line.text().startsWith("@@"));
	}

	@Test
	void changesFarApartAreSeparateRunsAndNearOnesShareOne() {
		String before = lines(1, 30);
		String farApart = before.replace("line 3\n", "line three\n").replace("line 20\n", "line twenty\n");
		String close = before.replace("line 3\n", "line three\n").replace("line 6\n", "line six\n");

		assertThat(RevisionDiff.between(before, farApart).lines()).filteredOn(l -> l.kind() == RevisionDiff.Kind.HUNK)
			.extracting(RevisionDiff.Line::text).containsExactly("From line 1", "From line 18");
		assertThat(RevisionDiff.between(before, close).lines()).filteredOn(l -> l.kind() == RevisionDiff.Kind.HUNK)
			.extracting(RevisionDiff.Line::text).containsExactly("From line 1");
	}

	@Test
	void addedLinesAtTheEndAndIdenticalTextAreHandled() {
		String before = lines(1, 3);

		assertThat(RevisionDiff.between(before, before).empty()).isTrue();
		assertThat(RevisionDiff.between(before, before + "line 4\n").lines())
			.extracting(RevisionDiff.Line::kind)
			.containsExactly(RevisionDiff.Kind.HUNK, RevisionDiff.Kind.CONTEXT, RevisionDiff.Kind.CONTEXT,
					RevisionDiff.Kind.ADDED);
	}
}
