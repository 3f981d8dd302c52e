package uk.interop.kb.content;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Lists every problem in the content folder, as {@code validate} prints them, for editors. */
@Controller
class ContentHealthController {

	private final ContentLoader loader;

	ContentHealthController(ContentLoader loader) {
		this.loader = loader;
	}

	@GetMapping("/content-health")
	String health(Model model) {
		ContentSnapshot snapshot = loader.loadAll();
		model.addAttribute("snapshot", snapshot);
		return "content/health";
	}
}
