package uk.interop.kb.feedback;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;

/**
 * For editors: how useful people found each page, overall and one page at a time with what people who said
 * "no" were trying to do, and the feedback page's answers. Periods are the last 30 days or everything kept.
 */
@Controller
class FeedbackResultsController {

	static final int ROWS = 100;
	static final int COMMENTS = 100;
	private static final Map<String, String> NAMED = Map.ofEntries(Map.entry("/", "Home"),
			Map.entry("/levels", "Interoperability levels"), Map.entry("/themes", "Problem-book themes"),
			Map.entry("/taxonomy", "Taxonomy"), Map.entry("/problem-book", "Problem book"), Map.entry("/api", "API"),
			Map.entry("/accessibility", "Accessibility statement"), Map.entry("/privacy", "Privacy notice"),
			Map.entry("/cookies", "Cookies"), Map.entry("/contact", "Contact"),
			Map.entry("/assessments/frameworks", "Self-assessment frameworks"));

	private final FeedbackRepository repository;
	private final FeedbackService feedback;
	private final DocumentListing listing;

	FeedbackResultsController(FeedbackRepository repository, FeedbackService feedback, DocumentListing listing) {
		this.repository = repository;
		this.feedback = feedback;
		this.listing = listing;
	}

	/** A page's counts with the words to show for it. */
	record Row(String page, String title, FeedbackRepository.Counts counts) {
	}

	@GetMapping("/page-feedback")
	String results(@RequestParam(defaultValue = "30") String days, @RequestParam(required = false) String page,
			Model model) {
		boolean all = "all".equals(days);
		LocalDate from = all ? LocalDate.of(1970, 1, 1) : feedback.today().minusDays(29);
		model.addAttribute("all", all);
		model.addAttribute("periodQuery", all ? "days=all" : "days=30");
		var checked = page == null ? java.util.Optional.<String>empty() : FeedbackService.page(page);
		if (checked.isPresent()) {
			String path = checked.get();
			model.addAttribute("row", new Row(path, title(path), repository.forPage(path, from)
				.orElse(new FeedbackRepository.Counts(path, 0, 0, 0))));
			model.addAttribute("comments", repository.comments(path, from, COMMENTS));
			return "feedback/page";
		}
		model.addAttribute("overall", repository.overall(from));
		model.addAttribute("rows", repository.byPage(from, ROWS).stream()
			.map(c -> new Row(c.page(), title(c.page()), c)).toList());
		model.addAttribute("satisfaction", repository.satisfaction(from));
		model.addAttribute("suggestions", repository.suggestions(from, COMMENTS));
		return "feedback/results";
	}

	/** A document's title (editors may read every document), a named page's name, or the path itself. */
	private String title(String path) {
		if (path.startsWith("/documents/")) {
			return listing.document(path.substring("/documents/".length()), Audience.MEMBERS)
				.map(d -> d.document().title()).orElse(path);
		}
		if (path.startsWith("/levels/") || path.startsWith("/themes/")) {
			return path;
		}
		return NAMED.getOrDefault(path, path);
	}

	static List<Satisfaction> order() {
		return List.of(Satisfaction.values());
	}
}
