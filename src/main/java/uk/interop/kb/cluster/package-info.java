/**
 * More than one instance: the change log that every publish and withdraw appends to in its own
 * transaction, and the follower that applies it to this instance's index. Uses {@code search};
 * {@code submission} (and later the problem book) uses it.
 */
package uk.interop.kb.cluster;
