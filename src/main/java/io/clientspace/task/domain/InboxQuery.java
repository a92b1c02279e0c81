package io.clientspace.task.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.UUID;

/**
 * What one view of "My tasks" lists, in the database's terms: open tasks of {@code assignee} (or nobody's, when it
 * is null), due before {@code dueBefore} or from {@code dueFrom} to {@code dueTo} where those are set, on the given
 * clients and projects unless {@code everywhere}, and whose title, description, client or project name contains
 * {@code text} (any case) when it is not blank.
 */
public record InboxQuery(String assignee, LocalDate dueBefore, LocalDate dueFrom, LocalDate dueTo, boolean everywhere,
                         Collection<UUID> clients, Collection<UUID> projects, String text) {

    /** The text as a LIKE pattern on lower-cased columns, its wildcards escaped; null when there is no text. */
    String pattern() {
        if (text == null || text.isBlank()) {
            return null;
        }
        String escaped = text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
