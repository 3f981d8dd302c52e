/**
 * The append-only audit log: who did what, to what, when and from where. Depends on nothing in the app.
 */
package uk.interop.kb.audit;
