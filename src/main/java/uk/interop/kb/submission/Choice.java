package uk.interop.kb.submission;

/** A fixed choice on a form (not from the taxonomy), shaped like a concept for the shared form fragments. */
public record Choice(String id, String label) {
}
