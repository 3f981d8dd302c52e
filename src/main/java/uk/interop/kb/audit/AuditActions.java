package uk.interop.kb.audit;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What each action code in the log means, in the words an administrator reads on {@code /admin/audit} and in
 * its CSV export. The codes stay in the table (they are stable for scripts); a code with no entry here is shown
 * in sentence case, and {@code AuditActionsTests} fails for any code the app records without an entry.
 */
public final class AuditActions {

	private static final Map<String, String> LABELS = new TreeMap<>(Map.ofEntries(
			Map.entry("SIGN_IN", "Signed in"),
			Map.entry("SIGN_IN_FAILED", "Sign-in failed"),
			Map.entry("SIGN_IN_SSO", "Signed in with an organisation account"),
			Map.entry("SSO_FAILED", "Organisation sign-in failed"),
			Map.entry("SSO_REFUSED", "Organisation sign-in refused"),
			Map.entry("SSO_LINKED", "Organisation account linked"),
			Map.entry("SSO_ACCOUNT_CREATED", "Account created at organisation sign-in"),
			Map.entry("PASSWORD_CHANGED", "Password changed"),
			Map.entry("PASSWORD_RESET", "Password reset"),
			Map.entry("RESET_REQUESTED", "Password reset asked for"),
			Map.entry("RESET_REQUESTED_UNKNOWN", "Password reset asked for an unknown address"),
			Map.entry("RESET_REQUEST_REFUSED", "Password reset request refused"),
			Map.entry("RESET_LINK_CREATED", "Reset link made"),
			Map.entry("INVITATION_CREATED", "Invitation made"),
			Map.entry("INVITATION_REVOKED", "Invitation revoked"),
			Map.entry("REGISTERED", "Registered from an invitation"),
			Map.entry("ROLE_CHANGED", "Role changed"),
			Map.entry("ACCOUNT_ENABLED", "Account enabled"),
			Map.entry("ACCOUNT_DISABLED", "Account disabled"),
			Map.entry("ACCOUNT_CREATED", "Account created"),
			Map.entry("ORGANISATION_CHANGED", "Organisation changed"),
			Map.entry("API_TOKEN_CREATED", "API token created"),
			Map.entry("API_TOKEN_REVOKED", "API token revoked"),
			Map.entry("BACKUP_CREATED", "Backup made"),
			Map.entry("EMAIL_RETRIED", "Email sent again"),
			Map.entry("UNSUBSCRIBED", "Unsubscribed from an email"),
			Map.entry("SUBMISSION_CREATED", "Submission started"),
			Map.entry("SUBMISSION_EDITED", "Submission edited"),
			Map.entry("SUBMISSION_EDITED_BY_EDITOR", "Submission edited by an editor"),
			Map.entry("SUBMISSION_SUBMITTED", "Sent for review"),
			Map.entry("SUBMISSION_CHANGES_REQUESTED", "Changes requested"),
			Map.entry("SUBMISSION_REJECTED", "Submission rejected"),
			Map.entry("SUBMISSION_PUBLISHED", "Published"),
			Map.entry("SUBMISSION_WITHDRAWN", "Withdrawn"),
			Map.entry("SUGGESTION_CREATED", "Change suggested to a published document"),
			Map.entry("SUGGESTION_PUBLISHED", "Suggested change published"),
			Map.entry("SUGGESTION_EXPORTED", "Suggested change accepted for the content files"),
			Map.entry("PROBLEM_BOOK_PROPOSE", "Problem-book level proposed"),
			Map.entry("PROBLEM_BOOK_AGREE", "Problem-book level agreed"),
			Map.entry("PROBLEM_BOOK_DISPUTE", "Problem-book level disputed"),
			Map.entry("PROBLEM_BOOK_CHANGE", "Problem-book level changed"),
			Map.entry("PROBLEM_BOOK_ENTRY_CREATED", "Problem-book entry created"),
			Map.entry("ASSESSMENT_STARTED", "Self-assessment started"),
			Map.entry("ASSESSMENT_SUBMITTED", "Self-assessment submitted"),
			Map.entry("ACTION_RECORDED", "Improvement action recorded"),
			Map.entry("ACTION_UPDATED", "Improvement action updated"),
			Map.entry("ACTION_CASE_STUDY_DRAFTED", "Case study drafted from an action")));

	private AuditActions() {
	}

	/** The words for a code: "SIGN_IN" is "Signed in"; an unlisted code in sentence case. */
	public static String label(String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		String label = LABELS.get(code);
		if (label != null) {
			return label;
		}
		String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** Every code with its words, in code order. */
	public static Map<String, String> all() {
		return java.util.Collections.unmodifiableMap(LABELS);
	}
}
