package io.clientspace.client;

import java.util.UUID;

/**
 * A contact person was erased on their request. Published inside the erasing transaction, with what the row held
 * before it was blanked, so that other modules can erase what they keep of the same person: the portal identity
 * with that e-mail address is deleted (extranet). Evidence of acceptances stays as it is, as the legal record.
 *
 * @param email       the e-mail address the contact had; null when none
 * @param placeholder what to show instead of the person's name, in the erasing user's language
 */
public record ContactErased(UUID contactId, UUID companyId, String name, String email, String actor,
                            String placeholder) {
}
