package uk.interop.kb.editorial;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The editors' worklist: what needs attention across the library, each row linking to where it is put right. */
@Controller
class ContentHealthController {

	private static final String VIEW = "editorial/worklist";

	private final EditorsWorklist worklist;

	ContentHealthController(EditorsWorklist worklist) {
		this.worklist = worklist;
	}

	@GetMapping("/content-health")
	String health(Model model) {
		model.addAttribute("worklist", worklist.worklist());
		return VIEW;
	}
}
