package uk.interop.kb.alert;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code kb.alerts.*}: "within minutes" alerts gather what matched over {@code immediate-interval};
 * daily and weekly (Monday) digests go at {@code send-at} in {@code zone}; a digest lists at most
 * {@code max-documents}, and links to the search for the rest; a person keeps at most
 * {@code max-per-person} saved searches.
 */
@Validated
@ConfigurationProperties("kb.alerts")
public record AlertProperties(@DefaultValue("5m") @NotNull Duration immediateInterval,
		@DefaultValue("07:00") @NotNull LocalTime sendAt, @DefaultValue("Europe/London") @NotNull ZoneId zone,
		@DefaultValue("20") @Min(1) @Max(100) int maxDocuments, @DefaultValue("50") @Min(1) @Max(1000) int maxPerPerson) {
}
