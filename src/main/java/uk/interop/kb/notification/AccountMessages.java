package uk.interop.kb.notification;

import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import uk.interop.kb.account.AccountNotice;

/**
 * Account messages: invitation, reset link, password changed, account disabled, role changed. None is
 * optional. Written by an {@code @EventListener} (not after the commit): inside the account change's
 * own transaction, so the message and the change commit or roll back together.
 */
@Component
class AccountMessages {

	private final Outbox outbox;
	private final MailTemplates templates;
	private final MailLinks links;

	AccountMessages(Outbox outbox, MailTemplates templates, MailLinks links) {
		this.outbox = outbox;
		this.templates = templates;
		this.links = links;
	}

	@EventListener
	void on(AccountNotice notice) {
		if (notice instanceof AccountNotice.Invited invited) {
			write(EmailKind.INVITATION, invited.email(), Optional.empty(), "You're invited to Interop KB", "invitation",
					Map.of("invitedBy", invited.invitedBy(), "role", invited.role().label().toLowerCase(java.util.Locale.ROOT),
							"link", links.absolute(invited.path()), "expires", Dates.of(invited.expiresAt())),
					"You got this email because an administrator of Interop KB invited this address. If you were not "
							+ "expecting it, you can ignore it.");
		}
		else if (notice instanceof AccountNotice.ResetLinkCreated reset) {
			write(EmailKind.PASSWORD_RESET, reset.email(), Optional.of(reset.accountId()), "Reset your Interop KB password",
					"password-reset", Map.of("link", links.absolute(reset.path()), "expires", Dates.of(reset.expiresAt())),
					reset.byAdministrator()
							? "You got this email because an administrator of Interop KB made a password reset link for your account."
							: "You got this email because someone asked to reset the password for this address on the Interop KB sign-in page.");
		}
		else if (notice instanceof AccountNotice.PasswordChanged changed) {
			write(EmailKind.PASSWORD_CHANGED, changed.email(), Optional.of(changed.accountId()),
					"Your Interop KB password was changed", "password-changed",
					Map.of("when", Dates.of(changed.at()), "link", links.absolute("/forgot-password")),
					"We send this to your account's address whenever its password changes, so you know if it was not you.");
		}
		else if (notice instanceof AccountNotice.Disabled disabled) {
			write(EmailKind.ACCOUNT_DISABLED, disabled.email(), Optional.of(disabled.accountId()),
					"Your Interop KB account has been disabled", "account-disabled", Map.of(),
					"We send this to your account's address when an administrator changes your access.");
		}
		else if (notice instanceof AccountNotice.RoleChanged role) {
			write(EmailKind.ROLE_CHANGED, role.email(), Optional.of(role.accountId()), "Your Interop KB role has changed",
					"role-changed", Map.of("from", role.from().label(), "to", role.to().label(), "description",
							role.to().description(), "link", links.absolute("/sign-in")),
					"We send this to your account's address when an administrator changes your access.");
		}
	}

	private void write(EmailKind kind, String to, Optional<Long> account, String subject, String template,
			Map<String, Object> model, String why) {
		MailTemplates.Rendered rendered = templates.render(template, model, why, Optional.empty());
		outbox.add(new Email(kind, to, account, subject, rendered.text(), rendered.html(), Optional.empty()));
	}
}
