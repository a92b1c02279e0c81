package io.clientspace.inforequest;

import java.time.LocalDate;

/** One item as the team writes it. {@code due} may be null. */
public record RequestItemDraft(ItemKind kind, String prompt, LocalDate due) {
}
