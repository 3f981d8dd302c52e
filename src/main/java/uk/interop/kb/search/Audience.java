package uk.interop.kb.search;

import java.util.EnumSet;
import java.util.Set;

import uk.interop.kb.content.Visibility;

/**
 * What a caller may read. Every query the search package runs is filtered by it inside
 * Lucene, so counts, snippets, suggestions and related documents never see anything else.
 */
public record Audience(Set<Visibility> visible) {

	public static final Audience PUBLIC = new Audience(EnumSet.of(Visibility.PUBLIC));
	public static final Audience MEMBERS = new Audience(EnumSet.allOf(Visibility.class));

	public Audience {
		visible = Set.copyOf(visible);
	}

	public boolean mayRead(Visibility visibility) {
		return visible.contains(visibility);
	}
}
