package io.clientspace.client;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.acceptance.Acceptance;
import io.clientspace.acceptance.AcceptanceEvidence;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.acceptance.EvidenceCheck;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentVersion;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.extranet.PortalAccount;
import io.clientspace.portal.PortalTestData;
import io.clientspace.security.KeycloakProperties;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * Erasing a contact person on their request blanks exactly their personal fields, deletes their portal identity in
 * Keycloak and their name from the timeline, and keeps the evidence of what they accepted.
 */
@ClientspaceIntegrationTest
class ContactErasureIntegrationTests {

    static final String PLACEHOLDER = "Erased contact";

    @Autowired
    ClientService clients;
    @Autowired
    ExternalAccessService access;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    AcceptanceService acceptances;
    @Autowired
    DocumentService documents;
    @Autowired
    TimelineService timeline;
    @Autowired
    PortalTestData portal;
    @Autowired
    @Qualifier("customerAdmin")
    Keycloak customerAdmin;
    @Autowired
    KeycloakProperties keycloak;
    @Autowired
    Clock clock;

    PortalTestData.World world;
    String username;
    PortalAccount account;
    Client contact;
    Acceptance accepted;

    @BeforeEach
    void aContactWhoAcceptedADocumentInThePortal() {
        world = portal.world("erase");
        username = newIdentity();
        account = asManager(() -> access.grantExisting(world.client().id(), username));
        ClientDraft draft = ClientTestData.contact("manager", world.client().id());
        draft.setName("Tessa Tester " + UUID.randomUUID().toString().substring(0, 6));
        draft.setEmail(account.email());
        draft.setStreet("Hauptstraße 1");
        draft.setPostalCode("10115");
        draft.setNotes("Prefers calls before 10");
        contact = asManager(() -> clients.create(draft, true));

        DocumentVersion version = asManager(() -> documents.versions(world.sharedDocument().id())).get(0);
        Acceptance sent = asManager(() -> acceptances.send(version.id(),
                clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS)));
        asCustomer(username, world.client().id(), () -> acceptances.accept(portalAccess.current().orElseThrow(),
                sent.id(), account.displayName(), "203.0.113.9", "Test browser"));
        accepted = sent;
    }

    @Test
    void erasureBlanksExactlyThePersonalFieldsDeletesThePortalIdentityAndKeepsTheEvidence() {
        AcceptanceEvidence before = asManager(() -> acceptances.evidence(accepted.id()));
        Client stored = asManager(() -> clients.get(contact.id()));
        ContactErasurePreview preview = asManager(() -> clients.erasurePreview(contact.id()));
        assertThat(preview.blankedFields()).containsExactly("client.contact-name", "client.job-title",
                "client.email", "client.phone", "client.street", "client.postal-code", "client.city",
                "client.country", "client.notes", "client.tags");
        assertThat(preview.consequences()).extracting(ArchiveConsequence::messageKey)
                .containsExactlyInAnyOrder("external.erase.consequence", "acceptance.erase.kept");
        assertThat(keycloakUser()).as("the preview changes nothing").isNotEmpty();

        Client erased = asManager(() -> clients.erase(contact.id(), contact.version(), PLACEHOLDER));

        // exactly the personal fields are blank
        assertThat(erased.name()).isEqualTo(PLACEHOLDER);
        assertThat(List.of(nz(erased.jobTitle()), nz(erased.email()), nz(erased.phone()), nz(erased.street()),
                nz(erased.postalCode()), nz(erased.city()), nz(erased.country()), nz(erased.notes()),
                nz(erased.website()))).containsOnly("");
        assertThat(erased.tags()).isEmpty();
        assertThat(erased.erased()).isTrue();
        // what is not personal stays: the kind, the owner, the company it belongs to, its history
        assertThat(erased.kind()).isEqualTo(ClientKind.CONTACT);
        assertThat(erased.owner()).isEqualTo(contact.owner());
        assertThat(erased.companyId()).isEqualTo(world.client().id());
        assertThat(erased.createdAt()).isEqualTo(stored.createdAt());

        // the portal identity is gone from Keycloak, the account row names nobody
        assertThat(keycloakUser()).isEmpty();
        PortalAccount row = asManager(() -> access.forClient(world.client().id())).stream()
                .filter(a -> a.id().equals(account.id())).findFirst().orElseThrow();
        assertThat(row.status()).isEqualTo("REVOKED");
        assertThat(row.displayName()).isEqualTo(PLACEHOLDER);
        assertThat(row.email()).doesNotContain(username);

        // the evidence is the legal record: unchanged, and its seal still verifies
        AcceptanceEvidence after = asManager(() -> acceptances.evidence(accepted.id()));
        assertThat(after).isEqualTo(before);
        assertThat(asManager(() -> acceptances.verifyStored(accepted.id()))).isEqualTo(EvidenceCheck.VALID);

        // the timeline keeps its entries, without the names
        for (UUID client : List.of(contact.id(), world.client().id())) {
            List<TimelineEntry> entries = asManager(() -> timeline.forClient(client, 0));
            assertThat(entries).isNotEmpty();
            assertThat(entries).allSatisfy(e -> assertThat(nz(e.subjectTitle()) + "|" + nz(e.detail()))
                    .doesNotContain(contact.name()).doesNotContain(account.displayName()));
        }
        assertThat(asManager(() -> timeline.forClient(contact.id(), 0))).extracting(TimelineEntry::kind)
                .contains("CONTACT_ERASED", "CLIENT_CREATED");
        assertThat(asManager(() -> timeline.forClient(world.client().id(), 0)))
                .anySatisfy(e -> {
                    assertThat(e.kind()).isEqualTo("ACCEPTANCE_ACCEPTED");
                    assertThat(e.detail()).isEqualTo(PLACEHOLDER);
                });
    }

    @Test
    void theCompanyListsItsContactPeopleWithTheirRoleAndTheirPortalContact() {
        Client other = asManager(() -> clients.create(ClientTestData.contact("manager", world.client().id()), true));

        List<ContactPerson> people = asManager(() -> clients.contactPeople(world.client().id()));

        assertThat(people).extracting(ContactPerson::id).containsExactlyInAnyOrder(contact.id(), other.id());
        ContactPerson withPortal = people.stream().filter(p -> p.id().equals(contact.id())).findFirst().orElseThrow();
        assertThat(withPortal.role()).isEqualTo("Buyer");
        assertThat(withPortal.portalStatus()).isEqualTo("ACTIVE");
        assertThat(withPortal.workspacePath()).isEqualTo(ClientNavigation.workspace(ClientKind.CONTACT, contact.id()));
        assertThat(people.stream().filter(p -> p.id().equals(other.id())).findFirst().orElseThrow().portalStatus())
                .as("no portal contact with that address").isNull();
        assertThatThrownBy(() -> asMember(() -> clients.contactPeople(world.client().id())))
                .isInstanceOf(NoAccessException.class);
    }

    @Test
    void aStalePreviewOrAMemberWhoMayNotOpenTheContactErasesNothing() {
        assertThatThrownBy(() -> asMember(() -> clients.erasurePreview(contact.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> clients.erase(contact.id(), contact.version(), PLACEHOLDER)))
                .isInstanceOf(NoAccessException.class);
        ClientDraft edit = ClientDraft.of(contact);
        edit.setCity("Potsdam");
        asManager(() -> clients.update(contact.id(), edit, true));
        assertThatThrownBy(() -> asManager(() -> clients.erase(contact.id(), contact.version(), PLACEHOLDER)))
                .isInstanceOf(StaleDataException.class);

        Client kept = asManager(() -> clients.get(contact.id()));
        assertThat(kept.name()).isEqualTo(contact.name());
        assertThat(kept.email()).isEqualTo(contact.email());
        assertThat(keycloakUser()).isNotEmpty();
    }

    private List<UserRepresentation> keycloakUser() {
        return customerAdmin.realm(keycloak.customerRealm()).users().searchByUsername(username, true);
    }

    private String newIdentity() {
        String name = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        var user = new UserRepresentation();
        user.setUsername(name);
        user.setEmail(name + "@example.org");
        user.setFirstName("Tessa");
        user.setLastName("Portal " + name.substring(6));
        user.setEnabled(true);
        try (var response = customerAdmin.realm(keycloak.customerRealm()).users().create(user)) {
            assertThat(response.getStatus()).isEqualTo(201);
        }
        return name;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
