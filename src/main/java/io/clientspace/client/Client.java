package io.clientspace.client;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A client as views and other modules see it. Optional text fields are null when empty.
 *
 * @param companyId   for a contact, the company it belongs to; else null
 * @param companyName that company's name, when set
 * @param ownerName   the owner's display name from the staff directory
 * @param tags        sorted, never null
 * @param archivedAt  when the client was archived; null while it is live
 * @param archivedByName who archived it, by name; null while it is live
 * @param erased      a contact person whose personal data was erased on their request
 */
public record Client(UUID id, ClientKind kind, String name, String legalName, String registrationNumber, String vatId,
                     String industry, String website, String jobTitle, UUID companyId, String companyName,
                     String owner, String ownerName, String email, String phone, String street, String postalCode,
                     String city, String country, List<String> tags, String notes, Instant createdAt,
                     Instant updatedAt, long version, Instant archivedAt, String archivedByName,
                     boolean erased) {

    public boolean archived() {
        return archivedAt != null;
    }

    /** Where this client's workspace lives. */
    public String workspacePath() {
        return ClientNavigation.workspace(kind, id);
    }

    /** "Postal code City, Country" with the empty parts left out. */
    public String location() {
        StringBuilder sb = new StringBuilder();
        if (postalCode != null) {
            sb.append(postalCode).append(' ');
        }
        if (city != null) {
            sb.append(city);
        }
        if (country != null) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(country);
        }
        return sb.toString().trim();
    }
}
