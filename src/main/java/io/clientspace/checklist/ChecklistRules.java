package io.clientspace.checklist;

import io.clientspace.client.ClientKind;
import io.clientspace.shared.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pure rules of required documents: what a template matches, renewal periods, and how an item's state follows. */
public final class ChecklistRules {

    public static final int NAME_MAX = 200;
    public static final int TAG_MAX = 50;
    /** A provided item whose renewal falls within this span is expiring. */
    public static final Duration EXPIRING_WITHIN = Duration.ofDays(30);

    private ChecklistRules() {
    }

    /** Whether a template of that kind and tag (either may be null: any) applies to a client of that kind and tags. */
    public static boolean matches(ClientKind templateKind, String templateTag, ClientKind kind, List<String> tags) {
        if (templateKind != null && templateKind != kind) {
            return false;
        }
        return templateTag == null || templateTag.isBlank()
                || tags != null && tags.stream().anyMatch(t -> t != null && t.trim().equalsIgnoreCase(templateTag.trim()));
    }

    /**
     * A renewal period: an ISO-8601 period (P1Y, P6M, P2W, P90D) or duration (PT720H), positive. Blank is "never".
     *
     * @return empty when the text is blank
     * @throws DateTimeParseException when it is neither, or not positive
     */
    public static Optional<String> renewal(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String iso = text.trim().toUpperCase(java.util.Locale.ROOT);
        boolean positive;
        try {
            Period p = Period.parse(iso);
            positive = !p.isNegative() && !p.isZero();
        } catch (DateTimeParseException notAPeriod) {
            Duration d = Duration.parse(iso);
            positive = !d.isNegative() && !d.isZero();
        }
        if (!positive) {
            throw new DateTimeParseException("not positive", iso, 0);
        }
        return Optional.of(iso);
    }

    /** When a document provided at that instant must be renewed; months and years count in the firm's zone. */
    public static Instant renewBy(Instant providedAt, String renewEvery, ZoneId zone) {
        if (providedAt == null || renewEvery == null) {
            return null;
        }
        try {
            return providedAt.atZone(zone).plus(Period.parse(renewEvery)).toInstant();
        } catch (DateTimeParseException notAPeriod) {
            return providedAt.plus(Duration.parse(renewEvery));
        }
    }

    /**
     * An item's state now. An open request wins over missing and expired (the renewal has been asked for); a provided
     * document is expiring {@link #EXPIRING_WITHIN} before {@code renewBy} and expired from it on.
     *
     * @param provided whether a document with a final version satisfies the item
     * @param renewBy  null when it never expires or is not provided
     * @param requested whether an information request item asks for it now
     */
    public static RequirementState state(boolean provided, Instant renewBy, boolean requested, Instant now) {
        if (provided) {
            if (renewBy == null || now.isBefore(renewBy.minus(EXPIRING_WITHIN))) {
                return RequirementState.PROVIDED;
            }
            if (now.isBefore(renewBy)) {
                return RequirementState.EXPIRING;
            }
            return requested ? RequirementState.REQUESTED : RequirementState.EXPIRED;
        }
        return requested ? RequirementState.REQUESTED : RequirementState.MISSING;
    }

    /** What is wrong with a requirement as typed; empty when nothing. */
    public static List<FieldProblem> check(RequirementDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty()) {
            p.add(FieldProblem.of("name", "checklist.error.name-required"));
        } else if (name.length() > NAME_MAX) {
            p.add(FieldProblem.of("name", "validation.too-long", NAME_MAX));
        }
        if (d.type() == null) {
            p.add(FieldProblem.of("type", "checklist.error.type-required"));
        }
        if (d.providedBy() == null) {
            p.add(FieldProblem.of("providedBy", "checklist.error.provided-by-required"));
        }
        try {
            renewal(d.renewEvery());
        } catch (DateTimeParseException e) {
            p.add(FieldProblem.of("renewEvery", "checklist.error.renewal-invalid", d.renewEvery().trim()));
        }
        return p;
    }

    /** What is wrong with a template as written; empty when nothing. */
    public static List<FieldProblem> check(TemplateDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        String name = d.name() == null ? "" : d.name().trim();
        if (name.isEmpty()) {
            p.add(FieldProblem.of("name", "checklist.error.name-required"));
        } else if (name.length() > NAME_MAX) {
            p.add(FieldProblem.of("name", "validation.too-long", NAME_MAX));
        }
        if (d.tag() != null && d.tag().trim().length() > TAG_MAX) {
            p.add(FieldProblem.of("tag", "validation.too-long", TAG_MAX));
        }
        if (d.requirementIds() == null || d.requirementIds().isEmpty()) {
            p.add(FieldProblem.of("requirements", "checklist.error.template-empty"));
        }
        return p;
    }
}
