package io.clientspace.extranet;

import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.devservices.DevServices;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Editing a portal contact against the real Keycloak (DD035): a new address of an active contact is set unverified
 * with Keycloak's verify-e-mail action, and mailed; a contact who was never invited just gets the new address.
 */
@ClientspaceIntegrationTest
class ContactEditIntegrationTests {

    @Autowired
    ClientService clients;
    @Autowired
    ExternalAccessService access;
    @Autowired
    CustomerDirectory directory;
    @Autowired
    TimelineService timeline;

    Client client;
    String tag;

    @BeforeEach
    void aClient() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void changingTheAddressOfAnActiveContactLeavesItUnverifiedWithTheVerifyActionInKeycloak() throws Exception {
        String old = "olga-" + tag + "@old.example";
        String fresh = "olga-" + tag + "@new.example";
        directory.create(old, "Olga Old", client.id().toString(), Locale.ENGLISH);
        PortalAccount active = asManager(() -> access.grantExisting(client.id(), old));
        assertThat(active.contactStatus()).isEqualTo(PortalContactStatus.ACTIVE);
        assertThat(directory.find(old).orElseThrow().isEmailVerified()).isTrue();

        PortalAccount edited = asManager(() -> access.editContact(active.id(),
                new PortalContactDraft("Olga Neu", fresh.toUpperCase(Locale.ROOT), PortalRole.BILLING), false));

        assertThat(edited.email()).isEqualTo(fresh);
        assertThat(edited.displayName()).isEqualTo("Olga Neu");
        assertThat(edited.role()).isEqualTo(PortalRole.BILLING);
        assertThat(edited.contactStatus()).isEqualTo(PortalContactStatus.ACTIVE);
        var identity = directory.find(old).orElseThrow();
        assertThat(identity.getEmail()).isEqualTo(fresh);
        assertThat(identity.isEmailVerified()).as("until they verify it").isFalse();
        assertThat(identity.getRequiredActions()).contains("VERIFY_EMAIL");
        assertThat(identity.getFirstName()).isEqualTo("Olga");
        assertThat(identity.getLastName()).isEqualTo("Neu");
        List<MimeMessage> mails = DevServices.mail().awaitMessages(fresh, 1, Duration.ofSeconds(20));
        assertThat(mails).as("Keycloak mails the new address a link to verify it").hasSize(1);
        assertThat(access.mayUsePortal(old, client.id())).as("the sign-in itself goes on").isTrue();
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .contains("EXTERNAL_EDITED");
    }

    @Test
    void aContactNotInvitedYetJustGetsTheNewAddressAndTakenOrWrongAddressesAreRefused() {
        PortalAccount added = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Nils Neu", "nils-" + tag + "@example.org", PortalRole.OTHER), false));
        PortalAccount other = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Paula Peer", "paula-" + tag + "@example.org", PortalRole.APPROVER), false));

        assertThatThrownBy(() -> asManager(() -> access.editContact(added.id(),
                new PortalContactDraft("Nils Neu", other.email(), PortalRole.OTHER), false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("external.errors.email-taken-here"));
        assertThatThrownBy(() -> asManager(() -> access.editContact(added.id(),
                new PortalContactDraft(" ", "not an address", null), false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("displayName", "email", "role"));
        assertThat(asManager(() -> access.contact(added.id())).email()).as("nothing saved")
                .isEqualTo(added.email());

        PortalAccount edited = asManager(() -> access.editContact(added.id(),
                new PortalContactDraft("Nils Neu", "nils-" + tag + "@elsewhere.example", PortalRole.APPROVER), false));
        assertThat(edited.email()).isEqualTo("nils-" + tag + "@elsewhere.example");
        assertThat(edited.contactStatus()).isEqualTo(PortalContactStatus.NOT_INVITED);
        assertThat(directory.findByEmail(edited.email())).as("no identity yet").isEmpty();
    }
}
