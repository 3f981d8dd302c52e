package uk.interop.kb.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code kb.assessment.*}. {@code benchmarkMinimum}: how many organisations must have submitted a framework
 * before anyone sees its distribution. It cannot go below 5: fewer would let an organisation work out
 * another's scores.
 */
@Validated
@ConfigurationProperties("kb.assessment")
public record AssessmentProperties(@Min(5) @Max(1000) @DefaultValue("5") int benchmarkMinimum) {
}
