package uk.interop.kb.insights;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.interop.kb.search.SearchRequest;
import uk.interop.kb.search.web.SearchUrls;

/**
 * For editors: what people searched for in the last 30 days, and what found nothing, with a link to
 * try each one — the list to add synonyms from, or the lesson nobody has written yet.
 */
@Controller
class SearchInsightsController {

	static final int DAYS = 30;
	static final int ROWS = 50;

	private final SearchLog log;

	SearchInsightsController(SearchLog log) {
		this.log = log;
	}

	/** A row of the page: the query, its counts, and the search to try it. */
	record Row(String query, long searches, long zeroResults, LocalDate lastSearched, String tryUrl) {
		static Row of(SearchLog.QueryCount count) {
			return new Row(count.query(), count.searches(), count.zeroResults(), count.lastSearched(),
					SearchUrls.of(SearchRequest.of(count.query()).exactly()));
		}
	}

	@GetMapping("/search-insights")
	String insights(Model model) {
		// Counts of the last few seconds are written at once, so an editor sees what was just tried.
		log.flushQuietly();
		LocalDate from = log.today().minusDays(DAYS - 1);
		model.addAttribute("from", from);
		model.addAttribute("frequent", log.mostFrequent(from, ROWS).stream().map(Row::of).toList());
		model.addAttribute("zero", log.zeroResults(from, ROWS).stream().map(Row::of).toList());
		model.addAttribute("days", DAYS);
		return "insights/search";
	}
}
