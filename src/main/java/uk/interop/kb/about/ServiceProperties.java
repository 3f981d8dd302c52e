package uk.interop.kb.about;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * {@code kb.service.*}: who runs this copy of Interop KB, for the accessibility statement, privacy notice and
 * contact page. {@code operator} names the organisation (the data controller); {@code contact-email} is where
 * people write (accessibility problems and data requests included) and is answered within
 * {@code response-working-days}; {@code lawful-basis} is the operator's own statement of the lawful basis for
 * processing under UK GDPR, which only the operator can make: until it is set the privacy notice says it is still
 * to be confirmed. {@code statement-prepared} and {@code statement-reviewed} date the accessibility statement.
 */
@Validated
@ConfigurationProperties("kb.service")
public record ServiceProperties(
		@DefaultValue("the Interoperability in Justice and Public Safety forum") @NotBlank String operator,
		@DefaultValue("interop-kb@forum.example") @NotBlank @Email String contactEmail,
		@DefaultValue("") String lawfulBasis,
		@DefaultValue("5") @Min(1) @Max(30) int responseWorkingDays,
		@DefaultValue("2026-12-01") @NotNull LocalDate statementPrepared,
		@DefaultValue("2026-12-02") @NotNull LocalDate statementReviewed) {

	/** The operator has not yet said what the lawful basis is. */
	public boolean lawfulBasisToConfirm() {
		return lawfulBasis.isBlank();
	}
}
