package io.clientspace.reports;

import java.util.List;
import java.util.UUID;

/** What the report filters offer: only owners, clients, tags and projects of clients the user may open. */
public record ReportOptions(List<String> owners, List<Option> clients, List<String> tags, List<Option> projects) {

    public record Option(UUID id, String label) {
    }
}
