package uk.interop.kb.account;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Makes the signed-in user (or null) available to every page, for the header's account links. */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("currentUser")
	KbUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof KbUser user ? user : null;
	}
}
