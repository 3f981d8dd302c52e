package uk.interop.kb.security;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.interop.kb.account.Role;
import uk.interop.kb.account.TestAccounts;
import uk.interop.kb.support.KbApplicationTest;
import uk.interop.kb.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route and the least role that may use it. A route added without a line here fails
 * {@link #everyRouteIsListed}; each line is then checked for every role over real HTTP.
 */
@KbApplicationTest
class RouteAccessTests {

	/** Who may use a route: anyone, any signed-in user, or a role and those above it. */
	enum Access {
		ANYONE, SIGNED_IN, MEMBER, CONTRIBUTOR, EDITOR, ADMIN
	}

	record Route(String method, String pattern, String example, Access access) {
	}

	static final List<Route> ROUTES = List.of(
			new Route("GET", "/", "/", Access.ANYONE),
			new Route("GET", "/search", "/search?q=culture", Access.ANYONE),
			new Route("GET", "/search.atom", "/search.atom?q=culture", Access.ANYONE),
			new Route("GET", "/search.csv", "/search.csv?level=semantic", Access.ANYONE),
			new Route("GET", "/search.md", "/search.md?level=semantic", Access.ANYONE),
			new Route("GET", "/opensearch.xml", "/opensearch.xml", Access.ANYONE),
			new Route("GET", "/sitemap.xml", "/sitemap.xml", Access.ANYONE),
			new Route("GET", "/robots.txt", "/robots.txt", Access.ANYONE),
			new Route("GET", "/api/v1/suggest", "/api/v1/suggest?q=rec", Access.ANYONE),
			new Route("GET", "/api/v1/taxonomy", "/api/v1/taxonomy", Access.ANYONE),
			new Route("GET", "/api", "/api", Access.ANYONE),
			new Route("GET", "/api/v1/submissions", "/api/v1/submissions", Access.CONTRIBUTOR),
			new Route("POST", "/api/v1/submissions", "/api/v1/submissions", Access.CONTRIBUTOR),
			new Route("GET", "/api/v1/submissions/{id}", "/api/v1/submissions/999999", Access.CONTRIBUTOR),
			new Route("PUT", "/api/v1/submissions/{id}", "/api/v1/submissions/999999", Access.CONTRIBUTOR),
			new Route("POST", "/api/v1/submissions/{id}/submit", "/api/v1/submissions/999999/submit", Access.CONTRIBUTOR),
			new Route("GET", "/api/v1/moderation/queue", "/api/v1/moderation/queue", Access.EDITOR),
			new Route("POST", "/api/v1/moderation/{id}/request-changes", "/api/v1/moderation/999999/request-changes", Access.EDITOR),
			new Route("POST", "/api/v1/moderation/{id}/reject", "/api/v1/moderation/999999/reject", Access.EDITOR),
			new Route("POST", "/api/v1/moderation/{id}/publish", "/api/v1/moderation/999999/publish", Access.EDITOR),
			new Route("POST", "/api/v1/moderation/{id}/withdraw", "/api/v1/moderation/999999/withdraw", Access.EDITOR),
			new Route("GET", "/account/tokens", "/account/tokens", Access.SIGNED_IN),
			new Route("POST", "/account/tokens", "/account/tokens", Access.SIGNED_IN),
			new Route("POST", "/account/tokens/{id}/revoke", "/account/tokens/999999/revoke", Access.SIGNED_IN),
			new Route("GET", "/levels", "/levels", Access.ANYONE),
			new Route("GET", "/levels/{id}", "/levels/semantic", Access.ANYONE),
			new Route("GET", "/themes", "/themes", Access.ANYONE),
			new Route("GET", "/themes/{id}", "/themes/data-quality", Access.ANYONE),
			new Route("GET", "/documents/{*id}", "/documents/handbook/overview", Access.ANYONE),
			new Route("GET", "/taxonomy", "/taxonomy", Access.ANYONE),
			new Route("GET", "/taxonomy.ttl", "/taxonomy.ttl", Access.ANYONE),
			new Route("GET", "/taxonomy.jsonld", "/taxonomy.jsonld", Access.ANYONE),
			new Route("GET", "/api/v1/search", "/api/v1/search", Access.ANYONE),
			new Route("GET", "/api/v1/documents/{*id}", "/api/v1/documents/handbook/overview", Access.ANYONE),
			new Route("GET", "/problem-book", "/problem-book", Access.ANYONE),
			new Route("GET", "/problem-book/{reference}", "/problem-book/PB-001", Access.ANYONE),
			new Route("GET", "/problem-book/mapping.csv", "/problem-book/mapping.csv", Access.ANYONE),
			new Route("GET", "/problem-book/mapping.json", "/problem-book/mapping.json", Access.ANYONE),
			new Route("GET", "/problem-book/review", "/problem-book/review", Access.EDITOR),
			new Route("GET", "/problem-book/new", "/problem-book/new", Access.EDITOR),
			new Route("POST", "/problem-book", "/problem-book", Access.EDITOR),
			new Route("GET", "/problem-book/{reference}/mapping", "/problem-book/PB-001/mapping", Access.EDITOR),
			new Route("POST", "/problem-book/{reference}/mapping", "/problem-book/PB-001/mapping", Access.EDITOR),
			new Route("GET", "/api/v1/problem-book/entries", "/api/v1/problem-book/entries", Access.ANYONE),
			new Route("GET", "/api/v1/problem-book/entries/{reference}", "/api/v1/problem-book/entries/PB-001",
					Access.ANYONE),
			new Route("GET", "/api/v1/problem-book/matrix", "/api/v1/problem-book/matrix", Access.ANYONE),
			new Route("GET", "/sign-in", "/sign-in", Access.ANYONE),
			new Route("GET", "/sign-in/refused", "/sign-in/refused?reason=domain", Access.ANYONE),
			new Route("GET", "/oauth2/authorization/{registrationId}", "/oauth2/authorization/test", Access.ANYONE),
			new Route("GET", "/login/oauth2/code/{registrationId}", "/login/oauth2/code/test", Access.ANYONE),
			new Route("GET", "/forgot-password", "/forgot-password", Access.ANYONE),
			new Route("POST", "/forgot-password", "/forgot-password", Access.ANYONE),
			new Route("GET", "/forgot-password/sent", "/forgot-password/sent", Access.ANYONE),
			new Route("GET", "/unsubscribe/{token}", "/unsubscribe/k.1.INVITATION.forged", Access.ANYONE),
			new Route("POST", "/unsubscribe/{token}", "/unsubscribe/k.1.INVITATION.forged", Access.ANYONE),
			new Route("GET", "/account/email", "/account/email", Access.SIGNED_IN),
			new Route("POST", "/account/email", "/account/email", Access.SIGNED_IN),
			new Route("GET", "/saved-searches", "/saved-searches", Access.SIGNED_IN),
			new Route("GET", "/saved-searches/new", "/saved-searches/new?q=culture", Access.SIGNED_IN),
			new Route("POST", "/saved-searches", "/saved-searches", Access.SIGNED_IN),
			new Route("POST", "/saved-searches/{id}/alerts", "/saved-searches/999999/alerts", Access.SIGNED_IN),
			new Route("POST", "/saved-searches/{id}/delete", "/saved-searches/999999/delete", Access.SIGNED_IN),
			new Route("GET", "/register/{token}", "/register/unknown", Access.ANYONE),
			new Route("POST", "/register/{token}", "/register/unknown", Access.ANYONE),
			new Route("GET", "/reset/{token}", "/reset/unknown", Access.ANYONE),
			new Route("POST", "/reset/{token}", "/reset/unknown", Access.ANYONE),
			new Route("GET", "/account", "/account", Access.SIGNED_IN),
			new Route("GET", "/account/session", "/account/session", Access.ANYONE),
			new Route("GET", "/account/password", "/account/password", Access.SIGNED_IN),
			new Route("POST", "/account/password", "/account/password", Access.SIGNED_IN),
			new Route("GET", "/submissions", "/submissions", Access.CONTRIBUTOR),
			new Route("GET", "/submissions/new", "/submissions/new", Access.CONTRIBUTOR),
			new Route("POST", "/submissions", "/submissions", Access.CONTRIBUTOR),
			new Route("GET", "/submissions/similar", "/submissions/similar?title=culture", Access.CONTRIBUTOR),
			new Route("GET", "/submissions/suggest", "/submissions/suggest?document=lessons/no-such-lesson",
					Access.CONTRIBUTOR),
			new Route("GET", "/submissions/{id}", "/submissions/999999", Access.CONTRIBUTOR),
			new Route("GET", "/submissions/{id}/edit", "/submissions/999999/edit", Access.CONTRIBUTOR),
			new Route("POST", "/submissions/{id}", "/submissions/999999", Access.CONTRIBUTOR),
			new Route("POST", "/submissions/{id}/submit", "/submissions/999999/submit", Access.CONTRIBUTOR),
			new Route("GET", "/submissions/{id}/export.md", "/submissions/999999/export.md", Access.CONTRIBUTOR),
			new Route("POST", "/submissions/import", "/submissions/import", Access.CONTRIBUTOR),
			new Route("GET", "/moderation", "/moderation", Access.EDITOR),
			new Route("GET", "/moderation/{id}", "/moderation/999999", Access.EDITOR),
			new Route("POST", "/moderation/{id}/request-changes", "/moderation/999999/request-changes", Access.EDITOR),
			new Route("POST", "/moderation/{id}/reject", "/moderation/999999/reject", Access.EDITOR),
			new Route("POST", "/moderation/{id}/publish", "/moderation/999999/publish", Access.EDITOR),
			new Route("POST", "/moderation/{id}/withdraw", "/moderation/999999/withdraw", Access.EDITOR),
			new Route("GET", "/editor", "/editor", Access.EDITOR),
			new Route("GET", "/page-feedback", "/page-feedback?days=all", Access.EDITOR),
			new Route("GET", "/accessibility", "/accessibility", Access.ANYONE),
			new Route("GET", "/privacy", "/privacy", Access.ANYONE),
			new Route("GET", "/cookies", "/cookies", Access.ANYONE),
			new Route("GET", "/contact", "/contact", Access.ANYONE),
			new Route("GET", "/feedback", "/feedback", Access.ANYONE),
			new Route("POST", "/feedback", "/feedback", Access.ANYONE),
			new Route("GET", "/feedback/sent", "/feedback/sent", Access.ANYONE),
			new Route("POST", "/feedback/page", "/feedback/page", Access.ANYONE),
			new Route("POST", "/feedback/page/{id}", "/feedback/page/999999", Access.ANYONE),
			new Route("GET", "/admin", "/admin", Access.ADMIN),
			new Route("GET", "/content-health", "/content-health", Access.EDITOR),
			new Route("GET", "/search-insights", "/search-insights", Access.EDITOR),
			new Route("GET", "/admin/users", "/admin/users", Access.ADMIN),
			new Route("GET", "/admin/users/{id}", "/admin/users/999999", Access.ADMIN),
			new Route("POST", "/admin/users/{id}/role", "/admin/users/999999/role", Access.ADMIN),
			new Route("POST", "/admin/users/{id}/enabled", "/admin/users/999999/enabled", Access.ADMIN),
			new Route("POST", "/admin/users/{id}/reset-link", "/admin/users/999999/reset-link", Access.ADMIN),
			new Route("GET", "/admin/invitations/new", "/admin/invitations/new", Access.ADMIN),
			new Route("POST", "/admin/invitations", "/admin/invitations", Access.ADMIN),
			new Route("GET", "/admin/audit", "/admin/audit", Access.ADMIN),
			new Route("GET", "/admin/audit.csv", "/admin/audit.csv?action=SIGN_IN", Access.ADMIN),
			new Route("GET", "/admin/invitations", "/admin/invitations", Access.ADMIN),
			new Route("POST", "/admin/invitations/{id}/revoke", "/admin/invitations/999999/revoke", Access.ADMIN),
			new Route("GET", "/admin/email", "/admin/email", Access.ADMIN),
			new Route("POST", "/admin/email/{id}/retry", "/admin/email/999999/retry", Access.ADMIN),
			new Route("GET", "/admin/email/outbox/{name}", "/admin/email/outbox/20270101-000000-1.eml", Access.ADMIN),
			new Route("GET", "/admin/backup", "/admin/backup", Access.ADMIN),
			new Route("POST", "/admin/backup", "/admin/backup", Access.ADMIN),
			new Route("POST", "/admin/users/{id}/organisation", "/admin/users/999999/organisation", Access.ADMIN),
			new Route("GET", "/assessments/frameworks", "/assessments/frameworks", Access.ANYONE),
			new Route("GET", "/assessments/frameworks/{framework}", "/assessments/frameworks/rms", Access.ANYONE),
			new Route("GET", "/assessments", "/assessments", Access.MEMBER),
			new Route("POST", "/assessments", "/assessments", Access.MEMBER),
			new Route("GET", "/assessments/{id}", "/assessments/999999", Access.MEMBER),
			new Route("GET", "/assessments/{id}/questions/{indicator}", "/assessments/999999/questions/rms-pole",
					Access.MEMBER),
			new Route("POST", "/assessments/{id}/questions/{indicator}", "/assessments/999999/questions/rms-pole",
					Access.MEMBER),
			new Route("GET", "/assessments/{id}/check", "/assessments/999999/check", Access.MEMBER),
			new Route("POST", "/assessments/{id}/submit", "/assessments/999999/submit", Access.MEMBER),
			new Route("GET", "/assessments/history/{framework}", "/assessments/history/general", Access.MEMBER),
			new Route("GET", "/assessments/{id}/profile.csv", "/assessments/999999/profile.csv", Access.MEMBER),
			new Route("GET", "/assessments/{id}/profile.json", "/assessments/999999/profile.json", Access.MEMBER),
			new Route("GET", "/assessments/{id}/profile.md", "/assessments/999999/profile.md", Access.MEMBER),
			new Route("GET", "/assessments/{id}/print", "/assessments/999999/print", Access.MEMBER),
			new Route("GET", "/assessments/insights", "/assessments/insights", Access.EDITOR),
			new Route("GET", "/assessments/actions", "/assessments/actions?status=agreed&overdue=true", Access.MEMBER),
			new Route("GET", "/assessments/actions/new", "/assessments/actions/new?lesson=lessons/x", Access.MEMBER),
			new Route("POST", "/assessments/actions", "/assessments/actions", Access.MEMBER),
			new Route("GET", "/assessments/actions/{id}", "/assessments/actions/999999", Access.MEMBER),
			new Route("GET", "/assessments/actions/{id}/edit", "/assessments/actions/999999/edit", Access.MEMBER),
			new Route("POST", "/assessments/actions/{id}", "/assessments/actions/999999", Access.MEMBER),
			new Route("POST", "/assessments/actions/{id}/case-study", "/assessments/actions/999999/case-study",
					Access.MEMBER),
			new Route("GET", "/api/v1/assessment-frameworks", "/api/v1/assessment-frameworks", Access.ANYONE),
			new Route("GET", "/api/v1/assessment-frameworks/{id}", "/api/v1/assessment-frameworks/general",
					Access.ANYONE),
			new Route("GET", "/api/v1/assessments", "/api/v1/assessments", Access.MEMBER),
			new Route("POST", "/api/v1/assessments", "/api/v1/assessments", Access.MEMBER),
			new Route("GET", "/api/v1/assessments/{id}", "/api/v1/assessments/999999", Access.MEMBER),
			new Route("PUT", "/api/v1/assessments/{id}/answers/{indicator}", "/api/v1/assessments/999999/answers/rms-pole",
					Access.MEMBER),
			new Route("POST", "/api/v1/assessments/{id}/submit", "/api/v1/assessments/999999/submit", Access.MEMBER),
			new Route("GET", "/api/v1/improvement-actions", "/api/v1/improvement-actions", Access.MEMBER),
			new Route("POST", "/api/v1/improvement-actions", "/api/v1/improvement-actions", Access.MEMBER),
			new Route("GET", "/api/v1/improvement-actions/{id}", "/api/v1/improvement-actions/999999", Access.MEMBER),
			new Route("PUT", "/api/v1/improvement-actions/{id}", "/api/v1/improvement-actions/999999", Access.MEMBER),
			new Route("GET", "/error", "/error", Access.ANYONE));

	@LocalServerPort
	int port;

	private final RequestMappingHandlerMapping mappings;
	private final TestAccounts accounts;

	@Autowired
	RouteAccessTests(@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
			RequestMappingHandlerMapping mappings, TestAccounts accounts) {
		this.mappings = mappings;
		this.accounts = accounts;
	}

	@Test
	void everyRouteIsListed() {
		Set<String> declared = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (entry.getValue().getBeanType().getPackageName().startsWith("org.springdoc")) {
				continue;
			}
			Set<String> methods = entry.getKey().getMethodsCondition().getMethods().stream().map(Enum::name)
				.collect(Collectors.toSet());
			for (String pattern : entry.getKey().getPatternValues()) {
				for (String method : methods.isEmpty() ? Set.of("GET") : methods) {
					declared.add(method + " " + pattern);
				}
			}
		}
		Set<String> listed = ROUTES.stream().map(r -> r.method() + " " + r.pattern()).collect(Collectors.toSet());
		assertThat(listed).as("routes in this table").containsAll(declared);
	}

	@Test
	void eachRouteAdmitsExactlyTheRolesItShould() {
		Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
		for (Role role : Role.values()) {
			WebSession session = new WebSession(port);
			session.signIn(accounts.user(role), TestAccounts.PASSWORD);
			sessions.put(role, session);
		}
		WebSession anonymous = new WebSession(port);
		for (Route route : ROUTES) {
			check(route, anonymous, null);
			for (Role role : Role.values()) {
				check(route, sessions.get(role), role);
			}
		}
	}

	private void check(Route route, WebSession session, Role role) {
		HttpResponse<String> response = switch (route.method()) {
			case "GET" -> session.get(route.example());
			case "PUT" -> session.put("/", route.example(), "{}");
			default -> route.pattern().startsWith("/api/") ? session.postJson("/", route.example(), "{}")
					: session.post("/", route.example(), Map.of());
		};
		boolean allowed = switch (route.access()) {
			case ANYONE -> true;
			case SIGNED_IN -> role != null;
			default -> role != null && role.ordinal() >= Role.valueOf(route.access().name()).ordinal();
		};
		String who = (role == null ? "anonymous" : role.name()) + " " + route.method() + " " + route.example();
		if (allowed) {
			assertThat(response.statusCode()).as(who).isNotEqualTo(403);
			assertThat(response.headers().firstValue("Location").orElse("")).as(who).doesNotEndWith("/sign-in");
			assertThat(response.statusCode()).as(who).isLessThan(500);
		}
		else if (role == null && route.pattern().startsWith("/api/")) {
			assertThat(response.statusCode()).as(who).isIn(401, 403);
		}
		else if (role == null) {
			assertThat(response.statusCode()).as(who).isEqualTo(302);
			assertThat(response.headers().firstValue("Location").orElse("")).as(who).endsWith("/sign-in");
		}
		else {
			assertThat(response.statusCode()).as(who).isEqualTo(403);
		}
	}
}
