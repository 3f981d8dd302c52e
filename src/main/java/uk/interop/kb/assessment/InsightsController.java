package uk.interop.kb.assessment;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import uk.interop.kb.search.Audience;
import uk.interop.kb.search.DocumentListing;
import uk.interop.kb.search.IndexedDocument;

/**
 * For editors: self-assessment and improvement actions in aggregate only. Distributions follow the same
 * minimum as the benchmark; no organisation's answers or name appear anywhere here.
 */
@Controller
class InsightsController {

	private final AssessmentService assessments;
	private final ActionRepository actions;
	private final DocumentListing listing;

	InsightsController(AssessmentService assessments, ActionRepository actions, DocumentListing listing) {
		this.assessments = assessments;
		this.actions = actions;
		this.listing = listing;
	}

	record LessonCount(IndexedDocument document, long acted, long learned) {
	}

	@GetMapping("/assessments/insights")
	String insights(Model model) {
		model.addAttribute("benchmarks", assessments.aggregates());
		model.addAttribute("frameworks", assessments.frameworks());
		model.addAttribute("byStatus", actions.countsByStatus());
		model.addAttribute("statuses", ActionStatus.values());
		model.addAttribute("organisationsWithActions", actions.organisationsWithActions());
		List<LessonCount> lessons = actions.mostActedOn(50).stream()
			.flatMap(e -> listing.document(e.getKey(), Audience.MEMBERS)
				.map(d -> new LessonCount(d, e.getValue()[0], e.getValue()[1])).stream())
			.limit(10).toList();
		model.addAttribute("lessons", lessons);
		return "assessment/insights";
	}
}
