package io.clientspace.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.vaadin.flow.component.UI;
import io.clientspace.client.Client;
import io.clientspace.client.ClientArchivePreview;
import io.clientspace.client.ClientDraft;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientSummary;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.StaleDataException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Editing a contact person, and the archive preview, on their own: services are fakes, components are real. */
class ContactEditUnitTests {

    final UUID companyId = UUID.randomUUID();
    ClientService clients = mock(ClientService.class);
    StaffDirectory staff = mock(StaffDirectory.class);
    CurrentUserProvider users = mock(CurrentUserProvider.class);
    List<Client> saved = new ArrayList<>();
    Client contact;
    ClientFormDialog form;

    @BeforeEach
    void form() {
        UI.setCurrent(new UI());
        when(users.requireStaff()).thenReturn(new CurrentUser("manager", "Maria Keller", null,
                Set.of(Roles.STAFF, Roles.MANAGER), null));
        when(staff.assignable()).thenReturn(List.of(
                new StaffMember("manager", "Maria Keller", "maria@x.example", Set.of(Roles.MANAGER))));
        when(clients.companies()).thenReturn(List.of(new ClientSummary(companyId, ClientKind.COMPANY,
                "Lindqvist Design AB", null, "Maria Keller", null, null, null, List.of(), Instant.now())));
        contact = contact(7);
        form = new ClientFormDialog.Factory(clients, staff, users).edit(contact, saved::add);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void aContactOpensWithItsCompanyAndJobTitleAndSavesTheVersionItWasOpenedWith() {
        assertThat(form.company.getValue().id()).isEqualTo(companyId);
        assertThat(form.jobTitle.getValue()).isEqualTo("Head of purchasing");
        form.jobTitle.setValue("Managing director");
        when(clients.update(eq(contact.id()), any(), eq(false))).thenReturn(contact(8));

        form.save();

        ArgumentCaptor<ClientDraft> draft = ArgumentCaptor.forClass(ClientDraft.class);
        verify(clients).update(eq(contact.id()), draft.capture(), eq(false));
        assertThat(draft.getValue().getKind()).isEqualTo(ClientKind.CONTACT);
        assertThat(draft.getValue().getJobTitle()).isEqualTo("Managing director");
        assertThat(draft.getValue().getCompanyId()).isEqualTo(companyId);
        assertThat(draft.getValue().getVersion()).isEqualTo(7);
        assertThat(saved).hasSize(1);
    }

    @Test
    void aBadEmailStaysInItsFieldWithItsReasonAndNothingIsSent() {
        form.email.setValue("anna.at.example");
        form.jobTitle.setValue("Typed and kept");

        form.save();

        verify(clients, never()).update(any(), any(), eq(false));
        assertThat(form.email.isInvalid()).isTrue();
        assertThat(form.email.getValue()).isEqualTo("anna.at.example");
        assertThat(form.jobTitle.getValue()).isEqualTo("Typed and kept");
    }

    @Test
    void aStaleContactIsRefusedWithAMessageAndTheTypedTextStays() {
        form.name.setValue("Anna Lindqvist-Berg");
        when(clients.update(eq(contact.id()), any(), eq(false))).thenThrow(new StaleDataException("Client"));

        form.save();

        assertThat(form.formError.isVisible()).isTrue();
        assertThat(form.formError.getText()).contains("client.error.stale");
        assertThat(form.name.getValue()).isEqualTo("Anna Lindqvist-Berg");
        assertThat(saved).isEmpty();
    }

    @Test
    void anArchivePreviewThatWentStaleRefusesAndOffersNoSecondTry() {
        when(clients.archive(eq(contact.id()), eq(7L), any())).thenThrow(new StaleDataException("Client"));
        List<Client> archived = new ArrayList<>();
        ArchiveClientDialog dialog = new ArchiveClientDialog(clients, new ClientArchivePreview(contact, List.of()),
                archived::add);

        dialog.run();

        assertThat(dialog.message.isVisible()).isTrue();
        assertThat(dialog.message.getText()).contains("client.archive.stale");
        assertThat(dialog.confirm.isEnabled()).isFalse();
        assertThat(archived).isEmpty();
    }

    private Client contact(long version) {
        UUID id = contact == null ? UUID.randomUUID() : contact.id();
        return new Client(id, ClientKind.CONTACT, "Anna Lindqvist", null, null, null, null, null,
                "Head of purchasing", companyId, "Lindqvist Design AB", "manager", "Maria Keller", "anna@example.com",
                "+46 8 123456", null, null, "Stockholm", "Sweden", List.of(), null, Instant.now(), Instant.now(),
                version, null, null, false);
    }
}
