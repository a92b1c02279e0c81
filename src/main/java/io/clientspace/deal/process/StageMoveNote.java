package io.clientspace.deal.process;

import io.clientspace.deal.DealStageChanged;
import io.clientspace.shared.TransactionBound;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Why the deal-stages process opens a stage in the current transaction, when it is not a plain move on: DealService
 * leaves a note before it correlates DealMovedBack or DealReopened, and the stage listener takes it when the engine
 * opens the stage, so the one DealStageChanged it publishes says "back" or "reopened" and carries the reason.
 */
public record StageMoveNote(DealStageChanged.Move move, String reason) {

    private static final Object KEY = new Object();

    /** Leaves the note for the deal's next stage opened in this transaction. */
    public static void leave(UUID dealId, StageMoveNote note) {
        Map<UUID, StageMoveNote> notes = TransactionBound.get(KEY, HashMap::new);
        if (notes != null) {
            notes.put(dealId, note);
        }
    }

    /** The note left for the deal in this transaction, removed; a plain move on when there is none. */
    static StageMoveNote take(UUID dealId) {
        Map<UUID, StageMoveNote> notes = TransactionBound.get(KEY, HashMap::new);
        StageMoveNote note = notes == null ? null : notes.remove(dealId);
        return note == null ? new StageMoveNote(DealStageChanged.Move.FORWARD, null) : note;
    }
}
