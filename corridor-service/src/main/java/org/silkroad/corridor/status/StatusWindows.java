package org.silkroad.corridor.status;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.silkroad.corridor.asset.domain.CorridorAsset;
import org.silkroad.corridor.measurement.domain.Period;
import org.silkroad.corridor.status.domain.AssetStatus;
import org.silkroad.corridor.status.domain.StatusThreshold;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Ends statuses whose window is over: an asset closed "until 2020-06" reverts on 2020-07-01. The revert is a status
 * transition like any other (cause {@code window ended}), to the status of a threshold that is still breached, else
 * open. Exactly once however often and on however many instances the check runs: the candidate rows are locked
 * ({@code FOR UPDATE SKIP LOCKED}) and re-read under the lock, and a reverted asset has no window left to end.
 */
@ApplicationScoped
public class StatusWindows {

    public static final String CAUSE = "window ended";

    private final EntityManager em;
    private final AssetStatuses statuses;

    StatusWindows(EntityManager em, AssetStatuses statuses) {
        this.em = em;
        this.statuses = statuses;
    }

    /** The last day a window bound covers: 2020-06 → 2020-06-30, 2020 → 2020-12-31. */
    public static Optional<LocalDate> lastDay(String bound) {
        return bound == null ? Optional.empty() : Period.parse(bound).map(Period::end);
    }

    /** The first day a window bound covers: 2020-06 → 2020-06-01. */
    public static Optional<LocalDate> firstDay(String bound) {
        return bound == null ? Optional.empty() : Period.parse(bound).map(Period::start);
    }

    /** Reverts every status whose window ended before {@code today}; returns how many assets changed. */
    @Transactional(Transactional.TxType.REQUIRED)
    public int endBefore(LocalDate today) {
        @SuppressWarnings("unchecked")
        List<String> candidates = em.createNativeQuery("""
                SELECT id FROM corridor_asset WHERE status_window_until IS NOT NULL ORDER BY id FOR UPDATE SKIP LOCKED
                """).getResultList();
        int ended = 0;
        for (String id : candidates) {
            CorridorAsset asset = CorridorAsset.findById(id);
            Optional<LocalDate> last = lastDay(asset.statusWindowUntil);
            if (last.isEmpty() || !today.isAfter(last.get())) {
                continue;
            }
            AssetStatus expired = asset.status;
            List<StatusThreshold> breached = StatusThreshold.list("assetId = ?1 and breached = true order by createdAt", id);
            AssetStatus back = breached.isEmpty() ? AssetStatus.OPEN : breached.get(0).status;
            // Thresholds that will hand back "the status before" must not hand back the status whose window is over.
            breached.stream().filter(t -> t.statusBefore == expired).forEach(t -> t.statusBefore = AssetStatus.OPEN);
            String reason = expired.code() + (asset.statusReason == null ? "" : " (" + asset.statusReason + ")")
                    + " until " + asset.statusWindowUntil + ": the window ended";
            if (statuses.change(asset, back, reason, CAUSE, last.get().plusDays(1).toString(), null).isPresent()) {
                ended++;
            }
        }
        return ended;
    }
}
