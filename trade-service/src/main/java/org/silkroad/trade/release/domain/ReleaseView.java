package org.silkroad.trade.release.domain;

import org.silkroad.trade.release.format.RowProblem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One import: what was read, what it changed, and what was wrong. The API answers with it and
 * {@code trade.releases.v1} carries it.
 *
 * @param problems the first rejected rows with their reasons (at most {@link #LISTED}); {@code rowsRejected} counts all
 * @param warnings rows imported with something worth knowing (an obsolete code used in its time)
 */
public record ReleaseView(
        UUID id,
        String source,
        String format,
        String fileName,
        LocalDate publishedOn,
        String sha256,
        long bytes,
        String status,
        long rowsRead,
        long rowsAccepted,
        long rowsRejected,
        long inserted,
        long revised,
        long unchanged,
        long indicators,
        List<RowProblem> problems,
        List<RowProblem> warnings,
        String failure,
        long version,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        Long durationMs) {

    public static final int LISTED = 100;

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
}
