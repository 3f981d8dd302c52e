/**
 * The search engine's web face: the finder page and its results fragment, the Atom, CSV and Markdown twins of
 * every search, request parsing, the rate-limit and timing filters, and what other pages use from here: search
 * links ({@code SearchUrls}), parsing ({@code SearchRequestParser}) and the reader's {@code Audience}
 * ({@code AudienceResolver}).
 */
@NamedInterface("web")
package uk.interop.kb.search.web;

import org.springframework.modulith.NamedInterface;
