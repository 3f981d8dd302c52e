package uk.interop.kb.search;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import uk.interop.kb.content.Visibility;
import uk.interop.kb.search.index.KbAnalyzers;
import uk.interop.kb.search.index.LuceneFields;

/**
 * The access rule, applied inside every Lucene query the engine runs: only visibilities the
 * audience may read. Results, counts, snippets, suggestions and related documents are all
 * computed over what this lets through, so nothing unreadable is ever seen and then removed.
 */
public record AccessFilter(Audience audience) {

	public static AccessFilter of(Audience audience) {
		return new AccessFilter(audience);
	}

	/** {@code query}, restricted to what the audience may read. */
	public Query restrict(Query query) {
		return new BooleanQuery.Builder().add(query, Occur.MUST).add(clause(), Occur.FILTER).build();
	}

	/** The filter alone, for queries (such as a vector search) that take a filter of their own. */
	public Query clause() {
		BooleanQuery.Builder allowed = new BooleanQuery.Builder();
		for (Visibility visibility : audience.visible()) {
			allowed.add(new TermQuery(new Term(LuceneFields.VISIBILITY, visibility.id())), Occur.SHOULD);
		}
		return allowed.build();
	}

	/** The spelling fields this audience may draw corrections from: members' words never reach anyone else. */
	public List<String> spellingFields() {
		List<String> fields = new ArrayList<>(List.of(KbAnalyzers.SPELL_PUBLIC));
		if (audience.mayRead(Visibility.MEMBERS)) {
			fields.add(KbAnalyzers.SPELL_MEMBERS);
		}
		return fields;
	}
}
