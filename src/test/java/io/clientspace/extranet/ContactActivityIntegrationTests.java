package io.clientspace.extranet;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asOtherManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.shared.NotFoundException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A contact's recent activity, the evidence for the access review: sign-ins and downloads, newest first. */
@ClientspaceIntegrationTest
class ContactActivityIntegrationTests {

    @Autowired
    ExternalAccessService access;
    @Autowired
    ClientService clients;
    @Autowired
    CustomerDownloads downloads;
    @Autowired
    PortalAccessPolicy policy;

    @Test
    void signInsAndDownloadsShowAsTheContactsActivityNewestFirst() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        String email = "evidence-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        PortalAccount contact = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Edda Evidence", email, PortalRole.APPROVER), true));
        assertThat(asManager(() -> access.activity(contact.id()))).as("invited, nothing done yet").isEmpty();

        access.recordSignIn(email);
        UUID fileId = UUID.randomUUID();
        asCustomer(email, client.id(), () -> {
            downloads.record(policy.current().orElseThrow(), CustomerDownloads.Subject.FILE, fileId, "Brief.pdf");
            return null;
        });

        var activity = asManager(() -> access.activity(contact.id()));
        assertThat(activity).extracting(ContactActivity::kind)
                .containsExactly(ContactActivity.Kind.DOWNLOAD, ContactActivity.Kind.SIGN_IN);
        assertThat(activity.get(0).title()).isEqualTo("Brief.pdf");
        assertThat(activity.get(0).subjectId()).isEqualTo(fileId);
        assertThat(activity.get(0).at()).isAfterOrEqualTo(activity.get(1).at());
    }

    @Test
    void anotherManagersClientsContactsActivityIsNotFoundOrRefused() {
        Client client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        PortalAccount contact = asManager(() -> access.addContact(client.id(), new PortalContactDraft("Otto Other",
                "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", PortalRole.OTHER), false));
        assertThatThrownBy(() -> asManager(() -> access.activity(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        // managers see every client: the other manager may look, a customer may not
        assertThat(asOtherManager(() -> access.activity(contact.id()))).isEmpty();
        assertThatThrownBy(() -> asCustomer(contact.email(), client.id(), () -> access.activity(contact.id())))
                .isNotNull();
    }
}
