package org.silkroad.trade.release.domain;

import org.silkroad.trade.release.format.RowProblem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One import: what was read, what it changed, and what was wrong. The API answers with it and
 * {@code trade.releases.v1} carries it.
 *
 * @param problems the first rejected rows with their reasons (at most {@link #LISTED}); {@code rowsRejected} counts all
 * @param warnings rows imported with something worth knowing (an obsolete code used in its time)
 * @param phase where a running import is ({@code waiting}, {@code staging}, {@code checking}, {@code merging},
 *              {@code completing}); after the commit {@code publishing} until Kafka has every event, then {@code published}
 * @param phaseMs milliseconds spent in each phase so far ({@code parseAndStage}, {@code check}, {@code merge},
 *                {@code revisions}, {@code commit}, {@code publish})
 * @param eventsTotal observation events the release publishes (null while it runs)
 * @param eventsPublished of those, how many Kafka has acknowledged
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
        Long durationMs,
        String phase,
        Map<String, Long> phaseMs,
        Long eventsTotal,
        long eventsPublished) {

    public static final int LISTED = 100;

    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    public static final String WAITING = "waiting";
    public static final String STAGING = "staging";
    public static final String CHECKING = "checking";
    public static final String MERGING = "merging";
    public static final String COMPLETING = "completing";
    public static final String PUBLISHING = "publishing";
    public static final String PUBLISHED = "published";
}
