package uk.interop.kb.taxonomy;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.interop.kb.shared.Sha256;

/**
 * The taxonomy for people ({@code /taxonomy}) and as SKOS for machines ({@code /taxonomy.ttl},
 * {@code /taxonomy.jsonld}). The taxonomy cannot change while the app runs, so both downloads
 * are written once, here, and served with an ETag and an hour of public caching.
 */
@Controller
class TaxonomyController {

	static final String VIEW = "taxonomy/index";
	static final MediaType TURTLE = new MediaType("text", "turtle", StandardCharsets.UTF_8);
	static final MediaType JSON_LD = new MediaType("application", "ld+json");
	static final String CACHE_CONTROL = "public, max-age=3600";

	private final Taxonomy taxonomy;
	private final SkosWriter skos;
	private final Download turtle;
	private final Download jsonLd;

	TaxonomyController(Taxonomy taxonomy, SkosWriter skos) {
		this.taxonomy = taxonomy;
		this.skos = skos;
		this.turtle = Download.of(skos.turtle(taxonomy), TURTLE);
		this.jsonLd = Download.of(skos.jsonLd(taxonomy), JSON_LD);
	}

	@GetMapping("/taxonomy")
	String index(Model model) {
		model.addAttribute("vocabularies",
				taxonomy.inOrder().stream().filter(vocabulary -> !vocabulary.concepts().isEmpty()).toList());
		model.addAttribute("sectors", taxonomy.vocabulary(Taxonomy.SECTORS));
		model.addAttribute("skos", skos);
		return VIEW;
	}

	@GetMapping("/taxonomy.ttl")
	ResponseEntity<byte[]> turtle() {
		return turtle.response();
	}

	@GetMapping("/taxonomy.jsonld")
	ResponseEntity<byte[]> jsonLd() {
		return jsonLd.response();
	}

	/**
	 * Bytes, not a String, so the body is UTF-8 whatever default charset a String converter would
	 * pick for {@code application/ld+json}, a type with no charset parameter.
	 */
	private record Download(byte[] body, MediaType type, String etag) {

		static Download of(String text, MediaType type) {
			byte[] body = text.getBytes(StandardCharsets.UTF_8);
			return new Download(body, type, "\"" + Sha256.hex(body) + "\"");
		}

		ResponseEntity<byte[]> response() {
			return ResponseEntity.ok()
				.contentType(type)
				.header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
				.eTag(etag)
				.body(body);
		}

	}
}
