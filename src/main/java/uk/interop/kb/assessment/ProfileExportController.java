package uk.interop.kb.assessment;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

import uk.interop.kb.account.KbUser;
import uk.interop.kb.search.web.AudienceResolver;

/**
 * A profile's twins: CSV, JSON, a Markdown briefing and a printable page. Same access as the profile (the
 * organisation's members only), and never cached anywhere but the reader's own browser.
 */
@Controller
class ProfileExportController {

	private final Members members;
	private final ProfileView profiles;
	private final AudienceResolver audiences;
	private final JsonMapper json;

	ProfileExportController(Members members, ProfileView profiles, AudienceResolver audiences, JsonMapper json) {
		this.members = members;
		this.profiles = profiles;
		this.audiences = audiences;
		this.json = json;
	}

	@GetMapping("/assessments/{id}/profile.csv")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal KbUser user, @PathVariable long id) {
		ProfileView.Data data = data(user, id);
		// The byte-order mark makes spreadsheet programs read the file as UTF-8.
		return download("\uFEFF" + ProfileExports.csv(data), name(data, "csv"),
				new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	@GetMapping("/assessments/{id}/profile.md")
	ResponseEntity<byte[]> briefing(@AuthenticationPrincipal KbUser user, @PathVariable long id,
			HttpServletRequest request) {
		ProfileView.Data data = data(user, id);
		String base = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
		return download(ProfileExports.briefing(data, base, LocalDate.now(ZoneOffset.UTC)), name(data, "md"),
				new MediaType("text", "markdown", StandardCharsets.UTF_8));
	}

	/** Written here rather than by content negotiation, so a browser following the link gets the file. */
	@GetMapping("/assessments/{id}/profile.json")
	ResponseEntity<byte[]> json(@AuthenticationPrincipal KbUser user, @PathVariable long id) {
		ProfileView.Data data = data(user, id);
		return download(json.writeValueAsString(ProfileJson.of(data)), name(data, "json"), MediaType.APPLICATION_JSON);
	}

	@GetMapping("/assessments/{id}/print")
	String print(@AuthenticationPrincipal KbUser user, @PathVariable long id, Model model) {
		ProfileView.Data data = data(user, id);
		model.addAttribute("data", data);
		model.addAttribute("profile", data.profile());
		model.addAttribute("assessment", data.assessment());
		return "assessment/print";
	}

	private ProfileView.Data data(KbUser user, long id) {
		return profiles.of(members.require(user), id, audiences.current());
	}

	private static String name(ProfileView.Data data, String extension) {
		return "interop-kb-" + data.assessment().frameworkId() + "-profile-"
				+ data.assessment().submittedAt().map(t -> t.toString().substring(0, 10)).orElse("draft") + "."
				+ extension;
	}

	private static ResponseEntity<byte[]> download(String body, String fileName, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
			.cacheControl(CacheControl.noStore())
			.body(body.getBytes(StandardCharsets.UTF_8));
	}
}
