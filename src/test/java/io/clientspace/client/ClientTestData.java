package io.clientspace.client;

import java.util.List;
import java.util.UUID;

/** Client drafts with unique names, so tests sharing one database never trip the duplicate check by accident. */
public final class ClientTestData {

    private ClientTestData() {
    }

    public static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ClientDraft company(String owner) {
        ClientDraft d = new ClientDraft();
        d.setKind(ClientKind.COMPANY);
        String name = unique("Test Company");
        d.setName(name);
        d.setOwner(owner);
        d.setEmail(name.replace(' ', '.').toLowerCase() + "@example.com");
        d.setPhone("+49 30 1234567");
        d.setCity("Berlin");
        d.setCountry("Germany");
        d.setTags(List.of("test"));
        return d;
    }

    public static ClientDraft contact(String owner, UUID companyId) {
        ClientDraft d = company(owner);
        d.setKind(ClientKind.CONTACT);
        d.setName(unique("Test Person"));
        d.setCompanyId(companyId);
        d.setJobTitle("Buyer");
        return d;
    }
}
