package io.clientspace.reports;

import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The common frame of every report: a date range and the filters. Only {@code from} and {@code to} are required.
 *
 * @param owner     the clients' owner (username); null for any
 * @param clientId  one client; null for any
 * @param tag       clients with this tag (case does not matter); null or blank for any
 * @param projectId one project (tasks and hours only: deals belong to no project); null for any
 */
public record ReportFilter(LocalDate from, LocalDate to, String owner, UUID clientId, String tag, UUID projectId) {

    /** The longest range a report covers; longer ranges are refused with an offer to narrow them. */
    public static final int MAX_YEARS = 5;

    public static ReportFilter between(LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, null, null, null, null);
    }

    public ReportFilter withTag(String value) {
        return new ReportFilter(from, to, owner, clientId, value, projectId);
    }

    public ReportFilter withClient(UUID value) {
        return new ReportFilter(from, to, owner, value, tag, projectId);
    }

    public ReportFilter withOwner(String value) {
        return new ReportFilter(from, to, value, clientId, tag, projectId);
    }

    public ReportFilter withProject(UUID value) {
        return new ReportFilter(from, to, owner, clientId, tag, value);
    }

    /** @throws InvalidInputException naming the field: a missing date, an end before the start, over 5 years */
    public void check() {
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(FieldProblem.of("from", "reports.error.from-required"));
        }
        if (to == null) {
            problems.add(FieldProblem.of("to", "reports.error.to-required"));
        }
        if (from != null && to != null) {
            if (to.isBefore(from)) {
                problems.add(FieldProblem.of("to", "reports.error.end-before-start"));
            } else if (to.isAfter(from.plusYears(MAX_YEARS))) {
                problems.add(FieldProblem.of("to", "reports.error.too-long", MAX_YEARS));
            }
        }
        InvalidInputException.throwIfAny(problems);
    }

    boolean hasTag() {
        return tag != null && !tag.isBlank();
    }
}
