package uk.interop.kb.content;

/**
 * A Markdown file found under the content folder, listed but not read: its path, the id its path
 * gives it, and a stamp of its size, modification time and file identity. When the stamp matches
 * the one the index recorded, the file has not been written since and need not be read or hashed.
 * It holds no {@code Path}: a start-up check lists a million of these, and each path object would
 * double what the list keeps in memory.
 */
public record ContentEntry(String path, String id, long size, String stamp) {
}
