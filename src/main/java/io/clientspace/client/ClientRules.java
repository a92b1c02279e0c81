package io.clientspace.client;

import static io.clientspace.shared.Texts.clean;

import io.clientspace.shared.FieldProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a client record must follow. The form runs them as the user types for immediate feedback, and
 * {@link ClientService} runs them again before saving, so nothing depends on the browser.
 */
public final class ClientRules {

    public static final int WEBSITE_MAX = 255;
    public static final int NAME_MAX = 200;
    public static final int SHORT_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int NOTES_MAX = 10_000;
    public static final int TAG_MAX = 30;
    public static final int TAGS_MAX = 15;

    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}$");
    static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{5,30}$");
    static final Pattern TAG = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N} &._-]*$");

    private ClientRules() {
    }

    /** Every problem with the draft, in form order; empty when it may be saved (apart from owner and company checks). */
    public static List<FieldProblem> check(ClientDraft d) {
        List<FieldProblem> p = new ArrayList<>();
        if (d.getKind() == null) {
            p.add(FieldProblem.of("kind", "client.error.kind-required"));
        }
        String name = clean(d.getName());
        if (name == null) {
            p.add(FieldProblem.of("name", d.getKind() == ClientKind.CONTACT
                    ? "client.error.contact-name-required" : "client.error.company-name-required"));
        } else if (name.length() > NAME_MAX) {
            p.add(FieldProblem.of("name", "validation.too-long", NAME_MAX));
        }
        maxLength(p, "legalName", d.getLegalName(), NAME_MAX);
        maxLength(p, "registrationNumber", d.getRegistrationNumber(), 64);
        maxLength(p, "vatId", d.getVatId(), 64);
        maxLength(p, "industry", d.getIndustry(), SHORT_MAX);
        maxLength(p, "jobTitle", d.getJobTitle(), SHORT_MAX);
        String website = normalizeWebsite(d.getWebsite());
        if (website != null && website.length() > WEBSITE_MAX) {
            // counted as stored, with the https:// that a bare "example.com" gets
            p.add(FieldProblem.of("website", "validation.too-long",
                    WEBSITE_MAX - (website.length() - clean(d.getWebsite()).length())));
        } else if (website != null && !isWebAddress(website)) {
            p.add(FieldProblem.of("website", "client.error.website"));
        }
        if (clean(d.getOwner()) == null) {
            p.add(FieldProblem.of("owner", "client.error.owner-required"));
        }
        String email = clean(d.getEmail());
        if (email != null && (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches())) {
            p.add(FieldProblem.of("email", "client.error.email", email));
        }
        String phone = clean(d.getPhone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            p.add(FieldProblem.of("phone", "client.error.phone"));
        }
        maxLength(p, "street", d.getStreet(), NAME_MAX);
        maxLength(p, "postalCode", d.getPostalCode(), 20);
        maxLength(p, "city", d.getCity(), SHORT_MAX);
        maxLength(p, "country", d.getCountry(), SHORT_MAX);
        checkTags(p, d.getTags());
        maxLength(p, "notes", d.getNotes(), NOTES_MAX);
        if (d.getKind() == ClientKind.COMPANY && d.getCompanyId() != null) {
            p.add(FieldProblem.of("companyId", "client.error.company-on-company"));
        }
        return p;
    }

    /** Tags as stored: trimmed, without blanks and case-insensitive duplicates, sorted. */
    public static List<String> normalizeTags(List<String> tags) {
        Set<String> seen = new HashSet<>();
        List<String> result = new ArrayList<>();
        for (String tag : tags == null ? List.<String>of() : tags) {
            String t = clean(tag);
            if (t != null && seen.add(t.toLowerCase(Locale.ROOT))) {
                result.add(t);
            }
        }
        result.sort(String.CASE_INSENSITIVE_ORDER);
        return result;
    }

    private static void checkTags(List<FieldProblem> p, List<String> tags) {
        List<String> normalized = normalizeTags(tags);
        if (normalized.size() > TAGS_MAX) {
            p.add(FieldProblem.of("tags", "client.error.too-many-tags", TAGS_MAX));
            return;
        }
        for (String tag : normalized) {
            if (tag.length() > TAG_MAX || !TAG.matcher(tag).matches()) {
                p.add(FieldProblem.of("tags", "client.error.tag", tag, TAG_MAX));
                return;
            }
        }
    }

    private static void maxLength(List<FieldProblem> p, String field, String value, int max) {
        String v = clean(value);
        if (v != null && v.length() > max) {
            p.add(FieldProblem.of(field, "validation.too-long", max));
        }
    }

    /** The website as stored: trimmed, with https:// when the user left the scheme out; null when empty. */
    public static String normalizeWebsite(String value) {
        String website = clean(value);
        return website == null || website.contains("://") ? website : "https://" + website;
    }

    private static boolean isWebAddress(String candidate) {
        try {
            URI uri = URI.create(candidate);
            String scheme = uri.getScheme();
            // no user info: "info@example.com" or "user:secret@host" is not a website to link to
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getRawUserInfo() == null && uri.getHost() != null && uri.getHost().contains(".");
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
