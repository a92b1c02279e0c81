package io.clientspace.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * A person's personal data was erased on their request (a contact, or their portal account). Published inside the
 * erasing transaction: the timeline replaces the person's name with {@code placeholder} in the client's entries about
 * {@code subjectId} and wherever the entries name them, so that it still reads, without the name.
 *
 * @param clientId    the client whose timeline may name the person
 * @param subjectId   the erased record (contact or portal account)
 * @param name        the name as it was; never null
 * @param placeholder what to show instead, in the erasing user's language
 */
public record PersonalDataErased(UUID clientId, UUID subjectId, String name, String placeholder) {

    public PersonalDataErased {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(placeholder, "placeholder");
    }
}
