package io.clientspace.file;

import java.util.UUID;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionTemplate;

/** What every module that keeps uploads in quarantine does to release them (DD010). */
public final class Quarantine {

    /** What re-scanning one quarantined upload came to. */
    public enum Rescan { RELEASED, REMOVED_OR_GONE, NO_VERDICT }

    private Quarantine() {
    }

    /**
     * Re-scans each upload in its own transaction, in order, and stops at the first without a verdict (clamd still
     * unreachable): the rest wait for the next run.
     *
     * @return how many were released
     */
    public static int releaseEach(Iterable<UUID> ids, TransactionTemplate transactions, Function<UUID, Rescan> rescan) {
        int released = 0;
        for (UUID id : ids) {
            Rescan outcome = transactions.execute(status -> rescan.apply(id));
            if (outcome == Rescan.NO_VERDICT) {
                break;
            }
            if (outcome == Rescan.RELEASED) {
                released++;
            }
        }
        return released;
    }
}
