package uk.interop.kb.content;

import java.time.LocalDate;

/** A Markdown file found under the content folder, read but not yet parsed. */
public record ContentFile(String path, String id, byte[] bytes, String hash, LocalDate lastModified) {
}
