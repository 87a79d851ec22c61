package org.silkroad.corridor.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.asset.events.CorridorAssetEvents;
import org.silkroad.corridor.status.api.StatusChangeView;
import org.silkroad.corridor.status.domain.AssetStatus;
import org.silkroad.corridor.status.domain.StatusChange;
import org.silkroad.corridor.status.events.StatusEvents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    AssetStatuses(StatusEvents statusEvents, CorridorAssetEvents assetEvents) {
        this.statusEvents = statusEvents;
        this.assetEvents = assetEvents;
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
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
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
        return change(asset, AssetStatus.fromCode(in.status()).orElseThrow(), in.reason(), "editor:" + editor,
                in.windowFrom(), in.windowUntil());
    }

    public List<StatusChangeView> history(String assetId) {
        return StatusChange.<StatusChange>list("assetId = ?1 order by sequence", assetId).stream()
                .map(StatusChangeView::of).toList();
    }
}
