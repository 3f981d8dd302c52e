package uk.interop.kb.web;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The header's two rows. The service navigation holds reading only (search, browsing, the handbook, the
 * problem book, and self-assessment for people signed in), so it stays one row at desktop widths whatever the
 * role; "Your account", "Editor" and "Admin" are areas in the bar above it, each with a page listing what
 * it holds. {@code navArea} names the area or reading link the current page belongs to, for
 * {@code aria-current}.
 */
@ControllerAdvice
public class Navigation {

	/** One link in the service navigation. */
	public record Item(String label, String href, String area) {
	}

	private static final List<Item> READING = List.of(new Item("Search", "/search", "search"),
			new Item("Levels", "/levels", "levels"), new Item("Themes", "/themes", "themes"),
			new Item("Handbook", "/documents/handbook/overview", "handbook"),
			new Item("Problem book", "/problem-book", "problem-book"));

	private static final Item ASSESSMENT = new Item("Self-assessment", "/assessments", "assessments");
	private static final Item SIGN_IN = new Item("Sign in", "/sign-in", "sign-in");

	/** The service navigation's links for a reader who is (or is not) signed in. */
	public static List<Item> reading(boolean signedIn) {
		return java.util.stream.Stream.concat(READING.stream(), java.util.stream.Stream.of(signedIn ? ASSESSMENT : SIGN_IN))
			.toList();
	}

	@ModelAttribute("navItems")
	List<Item> navItems(HttpServletRequest request) {
		return reading(request.getUserPrincipal() != null);
	}

	@ModelAttribute("navArea")
	String navArea(HttpServletRequest request) {
		return areaOf(request.getRequestURI());
	}

	/** The area (or reading link) a path belongs to; empty when none. */
	public static String areaOf(String path) {
		if (path == null) {
			return "";
		}
		if (path.equals("/editor") || path.startsWith("/moderation") || path.equals("/content-health")
				|| path.equals("/search-insights") || path.startsWith("/page-feedback")
				|| path.equals("/assessments/insights") || path.equals("/problem-book/review")
				|| path.equals("/problem-book/new") || path.matches("/problem-book/[^/]+/mapping")) {
			return "editor";
		}
		if (path.equals("/admin") || path.startsWith("/admin/")) {
			return "admin";
		}
		if (path.startsWith("/account") || path.startsWith("/saved-searches") || path.startsWith("/submissions")) {
			return "account";
		}
		if (path.startsWith("/documents/handbook/")) {
			return "handbook";
		}
		for (String area : List.of("search", "levels", "themes", "problem-book", "assessments", "sign-in")) {
			if (path.equals("/" + area) || path.startsWith("/" + area + "/") || path.startsWith("/" + area + ".")) {
				return area;
			}
		}
		return "";
	}
}
