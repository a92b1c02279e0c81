package io.clientspace.client;

import java.util.Map;
import java.util.UUID;

/**
 * Links a company's contact people to its portal contacts, for the list of stakeholders. The extranet module answers;
 * the client module knows no portal account.
 */
public interface PortalContactLookup {

    /**
     * The portal status of each of the company's portal contacts by lower-case e-mail address; empty when the
     * current user may not see who has portal access.
     */
    Map<String, String> statusByEmail(UUID companyId);

    /**
     * The name of each of the company's portal contacts by lower-case e-mail address, so that the company's page
     * also lists portal contacts who are no contact person of it; empty when the current user may not see them.
     */
    default Map<String, String> nameByEmail(UUID companyId) {
        return Map.of();
    }
}
