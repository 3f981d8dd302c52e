package uk.interop.kb.audit;

import java.time.Instant;

/** Something a person did that must be answerable for later: who, what, to what, when, from where. */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, String target, String detail,
		String source) {
}
