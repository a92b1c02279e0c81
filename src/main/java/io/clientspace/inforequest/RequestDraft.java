package io.clientspace.inforequest;

import java.util.List;

/** A request as the team writes it: a title and its items, in order. */
public record RequestDraft(String title, List<RequestItemDraft> items) {
}
