package org.silkroad.platform.outbox;

/** Fired inside the writing transaction; the relay hears it only after commit and wakes up at once. */
public record OutboxAppended(String topic) {
}
