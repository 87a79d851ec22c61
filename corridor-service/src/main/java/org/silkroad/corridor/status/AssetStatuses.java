package org.silkroad.corridor.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.asset.events.CorridorAssetEvents;
import org.silkroad.corridor.status.api.StatusAtView;
import org.silkroad.corridor.status.api.StatusChangeView;
import org.silkroad.corridor.status.domain.AssetStatus;
import org.silkroad.corridor.status.domain.StatusChange;
import org.silkroad.corridor.status.events.StatusEvents;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Moves an asset from one status to another. Every transition is recorded with its cause, published on
 * {@code corridor.status.v1}, and — because the status is part of the asset's state — republishes the asset with
 * its version + 1 on {@code corridor.assets.v1}, all in the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AssetStatuses {

    private final StatusEvents statusEvents;
    private final CorridorAssetEvents assetEvents;
    private final Clock clock;

    AssetStatuses(StatusEvents statusEvents, CorridorAssetEvents assetEvents, Clock clock) {
        this.statusEvents = statusEvents;
        this.assetEvents = assetEvents;
        this.clock = clock;
    }

    /** Changes the status; empty when the asset already has it with the same reason and window (nothing to record). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<StatusChangeView> change(CorridorAsset asset, AssetStatus to, String reason, String cause,
                                             String windowFrom, String windowUntil) {
        if (asset.status == to && java.util.Objects.equals(asset.statusReason, reason)
                && java.util.Objects.equals(asset.statusWindowFrom, windowFrom)
                && java.util.Objects.equals(asset.statusWindowUntil, windowUntil)) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        StatusChange change = new StatusChange();
        change.assetId = asset.id;
        change.sequence = asset.statusSequence + 1;
        change.fromStatus = asset.status;
        change.toStatus = to;
        change.reason = reason;
        change.cause = cause;
        change.windowFrom = windowFrom;
        change.windowUntil = windowUntil;
        change.changedAt = now;
        change.persist();

        asset.statusSequence = change.sequence;
        asset.status = to;
        asset.statusReason = reason;
        asset.statusWindowFrom = windowFrom;
        asset.statusWindowUntil = windowUntil;
        asset.statusSince = now;
        asset.version++;
        asset.updatedAt = now;
        StatusChangeView view = StatusChangeView.of(change);
        statusEvents.changed(view);
        assetEvents.changed(asset);
        return Optional.of(view);
    }

    /** An editor sets the status; the cause names the editor. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Optional<StatusChangeView> set(String assetId, org.silkroad.corridor.status.api.NewStatus in, String editor) {
        CorridorAsset asset = CorridorAsset.<CorridorAsset>findByIdOptional(assetId)
                .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("no corridor asset " + assetId));
        // The status set here is the current one; a window starting later would make it current too early, and
        // nothing would start it on its first day. Refused until planned statuses exist, rather than shown early.
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        if (StatusWindows.firstDay(in.windowFrom()).map(first -> first.isAfter(today)).orElse(false)) {
            throw org.silkroad.platform.problem.InvalidInput.of("windowFrom",
                    "starts after today (" + today + "): a status is set on the first day of its window, planned statuses are not supported");
        }
        return change(asset, AssetStatus.fromCode(in.status()).orElseThrow(), in.reason(), "editor:" + editor,
                in.windowFrom(), in.windowUntil());
    }

    /**
     * The status on a day. A transition with a window (an editor's closure 2020-03 … 2020-06, a threshold's verdict
     * from the judged period on, a window's end from the day after) applies to the days inside it, and of those the
     * latest recorded wins; failing that, the latest transition without a window recorded by that day; failing that,
     * the asset was open.
     */
    public StatusAtView at(String assetId, LocalDate day) {
        List<StatusChange> changes = StatusChange.list("assetId = ?1 order by sequence desc", assetId);
        Optional<StatusChange> applying = changes.stream()
                .filter(c -> c.windowFrom != null || c.windowUntil != null)
                .filter(c -> StatusWindows.firstDay(c.windowFrom).map(first -> !day.isBefore(first)).orElse(true)
                        && StatusWindows.lastDay(c.windowUntil).map(last -> !day.isAfter(last)).orElse(true))
                .findFirst()
                .or(() -> changes.stream()
                        .filter(c -> c.windowFrom == null && c.windowUntil == null)
                        .filter(c -> !c.changedAt.toLocalDate().isAfter(day))
                        .findFirst());
        return applying.map(c -> new StatusAtView(assetId, day, c.toStatus.code(), c.reason, c.windowFrom, c.windowUntil, c.sequence))
                .orElseGet(() -> new StatusAtView(assetId, day, AssetStatus.OPEN.code(), null, null, null, null));
    }

    public List<StatusChangeView> history(String assetId) {
        return StatusChange.<StatusChange>list("assetId = ?1 order by sequence", assetId).stream()
                .map(StatusChangeView::of).toList();
    }
}
