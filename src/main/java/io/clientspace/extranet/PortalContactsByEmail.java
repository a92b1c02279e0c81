package io.clientspace.extranet;

import io.clientspace.client.PortalContactLookup;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Tells the company's list of contact people which of them have a portal contact, for those who may see it. */
@Component
class PortalContactsByEmail implements PortalContactLookup {

    private final ExternalAccessService access;

    PortalContactsByEmail(ExternalAccessService access) {
        this.access = access;
    }

    @Override
    public Map<String, String> statusByEmail(UUID companyId) {
        return access.canView() ? access.statusByEmail(companyId) : Map.of();
    }

    @Override
    public Map<String, String> nameByEmail(UUID companyId) {
        return access.canView() ? access.nameByEmail(companyId) : Map.of();
    }
}
