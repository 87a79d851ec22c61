package org.silkroad.corridor.status.api;

import java.time.LocalDate;

/**
 * The status an asset had on a day, read from its transitions and their windows; {@code sequence} names the
 * transition it comes from (null when no transition applies and the asset was simply open).
 */
public record StatusAtView(String assetId, LocalDate at, String state, String reason, String windowFrom,
                           String windowUntil, Long sequence) {
}
