package uk.interop.kb.content;

import java.nio.file.Path;

/**
 * A Markdown file found under the content folder, listed but not read: its path, the id its path
 * gives it, and a stamp of its size, modification time and file identity. When the stamp matches
 * the one the index recorded, the file has not been written since and need not be read or hashed.
 */
public record ContentEntry(String path, Path file, String id, long size, String stamp) {
}
