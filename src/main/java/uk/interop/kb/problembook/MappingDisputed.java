package uk.interop.kb.problembook;

/**
 * An editor disputed the mapping of a problem-book entry to a level. Published inside the transaction
 * that appends the decision to the ledger, so the other editors' email is written with it.
 */
public record MappingDisputed(String reference, String entryTitle, String level, String levelLabel, String rationale,
		String editorUsername, String editorName) {
}
