package uk.interop.kb.alert;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.search.web.AudienceResolver;

/** "Your saved searches", saving a search from the search page, alerts and deleting. */
@Controller
class SavedSearchController {

	private final SavedSearches searches;
	private final AudienceResolver audiences;

	SavedSearchController(SavedSearches searches, AudienceResolver audiences) {
		this.searches = searches;
		this.audiences = audiences;
	}

	@GetMapping("/saved-searches")
	String list(@AuthenticationPrincipal KbUser user, Model model) {
		model.addAttribute("saved", searches.list(user, audiences.current()));
		model.addAttribute("frequencies", Frequency.values());
		return "alert/list";
	}

	/** The search page's "Save this search" link lands here with the search's own parameters. */
	@GetMapping("/saved-searches/new")
	String form(@RequestParam MultiValueMap<String, String> params, Model model) {
		SavedSearches.Draft draft = searches.draft(params);
		model.addAttribute("draft", draft);
		model.addAttribute("name", draft.suggestedName());
		model.addAttribute("frequency", Frequency.DAILY.name());
		model.addAttribute("frequencies", Frequency.values());
		model.addAttribute("errors", Map.of());
		return "alert/new";
	}

	@PostMapping("/saved-searches")
	String save(@AuthenticationPrincipal KbUser user, @RequestParam(required = false) String name,
			@RequestParam(required = false) String query, @RequestParam(required = false) String frequency, Model model,
			RedirectAttributes redirect) {
		SavedSearches.Saved saved = searches.save(user, name, query, frequency);
		if (!saved.errors().isEmpty()) {
			SavedSearches.Draft draft = searches.draft(searches.paramsOf(query));
			model.addAttribute("draft", draft);
			model.addAttribute("name", name == null ? "" : name);
			model.addAttribute("frequency", frequency == null ? "" : frequency);
			model.addAttribute("frequencies", Frequency.values());
			model.addAttribute("errors", saved.errors());
			return "alert/new";
		}
		redirect.addFlashAttribute("success", "Your search has been saved");
		return "redirect:/saved-searches";
	}

	@PostMapping("/saved-searches/{id}/alerts")
	String alerts(@AuthenticationPrincipal KbUser user, @PathVariable long id,
			@RequestParam(required = false) String frequency, RedirectAttributes redirect) {
		SavedSearch saved = searches.mine(user, id).orElseThrow(NotFoundException::new);
		Frequency chosen = Frequency.parse(frequency == null ? "" : frequency).orElse(saved.frequency());
		searches.setFrequency(user, id, chosen);
		redirect.addFlashAttribute("success", "Alerts for “" + saved.name() + "”: " + chosen.label().toLowerCase(java.util.Locale.ROOT));
		return "redirect:/saved-searches";
	}

	@PostMapping("/saved-searches/{id}/delete")
	String delete(@AuthenticationPrincipal KbUser user, @PathVariable long id, RedirectAttributes redirect) {
		SavedSearch saved = searches.mine(user, id).orElseThrow(NotFoundException::new);
		searches.delete(user, id);
		redirect.addFlashAttribute("success", "“" + saved.name() + "” has been deleted");
		return "redirect:/saved-searches";
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class NotFoundException extends RuntimeException {
		NotFoundException() {
			super("No such saved search", null, false, false);
		}
	}
}
