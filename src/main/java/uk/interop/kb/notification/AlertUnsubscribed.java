package uk.interop.kb.notification;

/**
 * Someone used the one-click link in a saved-search alert: the saved search's owner module turns its
 * alerts off, inside the transaction this is published in.
 */
public record AlertUnsubscribed(long accountId, long savedSearchId) {
}
