package io.clientspace.client;

import java.util.List;
import java.util.Optional;

/**
 * One thing archiving a client will do to another module's records, for the preview the user confirms: a translation
 * key whose {@code {0}} is the number of records, and the records' names.
 *
 * @param messageKey e.g. {@code deal.archive.consequence}; must exist in every bundle
 * @param items      the affected records by name, never empty
 */
public record ArchiveConsequence(String messageKey, List<String> items) {

    public ArchiveConsequence {
        items = List.copyOf(items);
    }

    /** The consequence for these records; empty when there are none, so the preview leaves the line out. */
    public static Optional<ArchiveConsequence> of(String messageKey, List<String> items) {
        return items.isEmpty() ? Optional.empty() : Optional.of(new ArchiveConsequence(messageKey, items));
    }
}
