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
import io.clientspace.client.ClientDraft;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientService;
import io.clientspace.client.DuplicateClientException;
import io.clientspace.client.DuplicateHint;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.security.StaffDirectory;
import io.clientspace.security.StaffMember;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The client form on its own: services are fakes, the components are real. */
class ClientFormDialogUnitTests {

    ClientService clients = mock(ClientService.class);
    StaffDirectory staff = mock(StaffDirectory.class);
    CurrentUserProvider users = mock(CurrentUserProvider.class);
    List<Client> saved = new ArrayList<>();
    ClientFormDialog form;

    @BeforeEach
    void form() {
        UI.setCurrent(new UI());
        when(users.requireStaff()).thenReturn(new CurrentUser("manager", "Maria Keller", null,
                Set.of(Roles.STAFF, Roles.MANAGER), null));
        when(staff.assignable()).thenReturn(List.of(
                new StaffMember("manager", "Maria Keller", "maria@x.example", Set.of(Roles.MANAGER)),
                new StaffMember("jonas", "Jonas Weber", "jonas@x.example", Set.of(Roles.MANAGER))));
        when(clients.companies()).thenReturn(List.of());
        form = new ClientFormDialog.Factory(clients, staff, users).create(ClientKind.COMPANY, saved::add);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void ownerDefaultsToTheSignedInUserAndSaveSendsWhatWasTyped() {
        assertThat(form.owner.getValue().username()).isEqualTo("manager");
        form.name.setValue("  Lindqvist Design AB ");
        form.tags.setValue("design, retainer ,, ");
        Client result = client();
        when(clients.create(any(), eq(false))).thenReturn(result);

        form.save();

        ArgumentCaptor<ClientDraft> draft = ArgumentCaptor.forClass(ClientDraft.class);
        verify(clients).create(draft.capture(), eq(false));
        assertThat(draft.getValue().getName()).isEqualTo("  Lindqvist Design AB ");
        assertThat(draft.getValue().getTags()).containsExactly("design", "retainer");
        assertThat(draft.getValue().getOwner()).isEqualTo("manager");
        assertThat(saved).containsExactly(result);
    }

    @Test
    void problemsShowNextToTheirFieldsAndNothingTypedIsLost() {
        form.name.setValue("");
        form.email.setValue("not-an-address");

        form.save();

        verify(clients, never()).create(any(), eq(false));
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.email.isInvalid()).isTrue();
        assertThat(form.email.getValue()).isEqualTo("not-an-address");
        assertThat(saved).isEmpty();
    }

    @Test
    void serverSideProblemsAreShownTheSameWay() {
        form.name.setValue("Acme");
        when(clients.create(any(), eq(false))).thenThrow(new InvalidInputException(
                List.of(FieldProblem.of("owner", "client.error.owner-unknown"))));

        form.save();

        assertThat(form.owner.isInvalid()).isTrue();
        assertThat(form.name.getValue()).isEqualTo("Acme");
        assertThat(saved).isEmpty();
    }

    @Test
    void aLikelyDuplicateNeedsASecondExplicitSaveAndEditingTheNameAsksAgain() {
        form.name.setValue("Acme");
        when(clients.create(any(), eq(false))).thenThrow(new DuplicateClientException(List.of(
                new DuplicateHint(UUID.randomUUID(), ClientKind.COMPANY, "ACME", null, "Jonas Weber", true, false))));
        org.mockito.Mockito.doReturn(client()).when(clients).create(any(), eq(true));

        form.save();
        assertThat(saved).isEmpty();
        form.save();
        verify(clients).create(any(), eq(true));
        assertThat(saved).hasSize(1);

        form.name.setValue("Acme Two");
        form.save();
        verify(clients, org.mockito.Mockito.times(2)).create(any(), eq(false));
    }

    private static Client client() {
        return new Client(UUID.randomUUID(), ClientKind.COMPANY, "Lindqvist Design AB", null, null, null, null, null,
                null, null, null, "manager", "Maria Keller", null, null, null, null, null, null, List.of(), null,
                Instant.now(), Instant.now(), 0, null, null, false);
    }
}
