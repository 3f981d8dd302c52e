/**
 * The pages every UK public-sector service publishes, linked from every page's footer: the accessibility
 * statement ({@code /accessibility}, after GOV.UK's model statement), the privacy notice ({@code /privacy}: the
 * retention periods it states are read from the settings the clean-ups use), cookies ({@code /cookies}) and
 * contact ({@code /contact}). Who runs the service and how to reach them is {@code kb.service.*}. Nothing
 * depends on it.
 */
@ApplicationModule(displayName = "Service information pages",
		allowedDependencies = { "account", "insights", "shared", "web" })
package uk.interop.kb.about;

import org.springframework.modulith.ApplicationModule;
