package io.clientspace.client;

import java.util.UUID;

/**
 * A contact person of a company (a stakeholder), as the company's workspace lists them.
 *
 * @param role         their role at the client (the contact's job title); null when not given
 * @param email        null when not given
 * @param portalStatus the status of the company's portal contact with the same e-mail address (ACTIVE, INVITED,
 *                     EXPIRED, REVOKED); null when there is none, or when the user may not see portal access
 */
public record ContactPerson(UUID id, String name, String role, String email, boolean archived,
                            String portalStatus) {

    /** Their own workspace; null for a portal contact who is no contact person (no workspace of their own). */
    public String workspacePath() {
        return id == null ? null : ClientNavigation.workspace(ClientKind.CONTACT, id);
    }
}
