package org.silkroad.policy.milestone.api;

/** What an import did: re-importing the same file reports every item unchanged and publishes nothing. */
public record ImportReport(int items, int created, int updated, int unchanged) {
}
