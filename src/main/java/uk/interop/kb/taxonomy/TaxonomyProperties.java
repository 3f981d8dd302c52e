package uk.interop.kb.taxonomy;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kb.taxonomy.*}: {@code base-uri} is the namespace of the published SKOS concept
 * scheme. Concept URIs are {@code <base><scheme>/<concept>}, so once published the base must
 * not change; a base that is not absolute or does not end in {@code /} stops the app at start-up.
 */
@ConfigurationProperties("kb.taxonomy")
public record TaxonomyProperties(@DefaultValue(TaxonomyProperties.DEFAULT_BASE_URI) URI baseUri) {

	public static final String DEFAULT_BASE_URI = "https://interop-kb.example/taxonomy/";

	public TaxonomyProperties {
		baseUri = checked(baseUri);
	}

	/** The base itself when it can prefix ids into absolute URIs; otherwise an exception naming the property. */
	static URI checked(URI baseUri) {
		if (baseUri == null || !baseUri.isAbsolute() || baseUri.isOpaque() || baseUri.getRawQuery() != null
				|| baseUri.getRawFragment() != null || !baseUri.toString().endsWith("/")) {
			throw new IllegalArgumentException("kb.taxonomy.base-uri must be an absolute URI ending in '/', "
					+ "without query or fragment, such as " + DEFAULT_BASE_URI + "; found '" + baseUri + "'");
		}
		return baseUri;
	}
}
