package io.clientspace.deal;

import java.util.List;
import java.util.UUID;

/**
 * Someone changed a deal's fields in place, without moving its stage. {@code fields} names what changed, as the
 * field names of {@link DealDraft} (title, amount, currency, expectedClose, owner, nextStep, nextStepDue); never empty.
 */
public record DealEdited(UUID dealId, UUID clientId, String title, List<String> fields, String actor) {

    /** Every field name {@code fields} may hold, in the form's order. */
    public static final List<String> FIELDS = List.of("title", "amount", "currency", "expectedClose", "owner",
            "nextStep", "nextStepDue");
}
