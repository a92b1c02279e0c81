package io.clientspace.client;

import io.clientspace.devservices.DevServices;
import java.time.Duration;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static io.clientspace.support.Actors.asOtherManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.ClientService.SortField;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClientspaceIntegrationTest
class ClientServiceIntegrationTests {

    @Autowired
    ClientService clients;

    @Test
    void createdCompanyIsFoundBySearchWithItsOwnersName() {
        ClientDraft draft = ClientTestData.company("jonas");
        draft.setTags(List.of(" retainer ", "Retainer", "key account"));
        Client created = asManager(() -> clients.create(draft, false));

        assertThat(created.ownerName()).isEqualTo("Jonas Weber");
        assertThat(created.tags()).containsExactly("key account", "retainer");
        List<ClientSummary> found = asManager(() -> clients.search(draft.getName().toUpperCase(), null,
                SortField.NAME, true, 0, 10));
        assertThat(found).extracting(ClientSummary::id).containsExactly(created.id());
        assertThat(asManager(() -> clients.search("key account", ClientKind.COMPANY, SortField.NAME, true, 0, 500)))
                .extracting(ClientSummary::id).contains(created.id());
    }

    @Test
    void pagesAndSortsTheList() {
        String prefix = ClientTestData.unique("Paging");
        for (String letter : List.of("C", "A", "B")) {
            ClientDraft d = ClientTestData.company("manager");
            d.setName(prefix + " " + letter);
            asManager(() -> clients.create(d, false));
        }
        assertThat(asManager(() -> clients.count(prefix, null))).isEqualTo(3);
        assertThat(asManager(() -> clients.search(prefix, null, SortField.NAME, true, 0, 2)))
                .extracting(ClientSummary::name).containsExactly(prefix + " A", prefix + " B");
        assertThat(asManager(() -> clients.search(prefix, null, SortField.NAME, true, 2, 2)))
                .extracting(ClientSummary::name).containsExactly(prefix + " C");
        assertThat(asManager(() -> clients.search(prefix, null, SortField.NAME, false, 0, 1)))
                .extracting(ClientSummary::name).containsExactly(prefix + " C");
    }

    @Test
    void invalidInputIsRefusedFieldByFieldAndNothingIsSaved() {
        ClientDraft draft = ClientTestData.company("nobody-like-this");
        draft.setName("  ");
        draft.setEmail("not-an-email");
        long before = asManager(() -> clients.count(null, null));

        assertThatThrownBy(() -> asManager(() -> clients.create(draft, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .contains(org.assertj.core.groups.Tuple.tuple("name", "client.error.company-name-required"),
                                org.assertj.core.groups.Tuple.tuple("email", "client.error.email"),
                                org.assertj.core.groups.Tuple.tuple("owner", "client.error.owner-unknown")));
        assertThat(asManager(() -> clients.count(null, null))).isEqualTo(before);
    }

    @Test
    void likelyDuplicateIsReportedBeforeSavingAndSavedOnlyWhenConfirmed() {
        Client first = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        ClientDraft again = ClientTestData.company("manager");
        again.setName(first.name().toLowerCase());

        assertThatThrownBy(() -> asManager(() -> clients.create(again, false)))
                .isInstanceOfSatisfying(DuplicateClientException.class, e -> {
                    assertThat(e.duplicates()).extracting(DuplicateHint::id).containsExactly(first.id());
                    assertThat(e.duplicates().get(0).sameName()).isTrue();
                    assertThat(e.duplicates().get(0).ownerName()).isEqualTo("Maria Keller");
                });
        assertThat(asManager(() -> clients.count(first.name(), null))).isEqualTo(1);

        ClientDraft sameEmail = ClientTestData.company("manager");
        sameEmail.setEmail(first.email().toUpperCase());
        assertThatThrownBy(() -> asManager(() -> clients.create(sameEmail, false)))
                .isInstanceOfSatisfying(DuplicateClientException.class,
                        e -> assertThat(e.duplicates().get(0).sameEmail()).isTrue());

        Client confirmed = asManager(() -> clients.create(again, true));
        assertThat(asManager(() -> clients.count(first.name(), null))).isEqualTo(2);
        assertThat(confirmed.id()).isNotEqualTo(first.id());

        // later edits that keep the name and e-mail are not questioned again; a rename into a look-alike is
        ClientDraft edit = ClientDraft.of(confirmed);
        edit.setCity("Potsdam");
        assertThat(asManager(() -> clients.update(confirmed.id(), edit, false)).city()).isEqualTo("Potsdam");
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        ClientDraft rename = ClientDraft.of(other);
        rename.setName(first.name());
        assertThatThrownBy(() -> asManager(() -> clients.update(other.id(), rename, false)))
                .isInstanceOf(DuplicateClientException.class);
    }

    @Test
    void aMemberIsWarnedOfALookAlikeTheyCannotOpenWithoutLearningAboutIt() {
        Client managers = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        ClientDraft sameEmail = ClientTestData.company("member");
        sameEmail.setEmail(managers.email());

        assertThatThrownBy(() -> asMember(() -> clients.create(sameEmail, false)))
                .isInstanceOfSatisfying(DuplicateClientException.class, e -> assertThat(e.duplicates())
                        .singleElement().satisfies(hint -> {
                            assertThat(hint.sameEmail()).isTrue();
                            assertThat(hint.ownerName()).isEqualTo("Maria Keller");
                            // neither the record, nor its name, nor its e-mail reach a member who cannot open it
                            assertThat(hint.id()).isNull();
                            assertThat(hint.name()).isNull();
                            assertThat(hint.email()).isNull();
                        }));

        ClientDraft sameName = ClientTestData.company("member");
        sameName.setName(managers.name().toUpperCase());
        assertThatThrownBy(() -> asMember(() -> clients.create(sameName, false)))
                .isInstanceOfSatisfying(DuplicateClientException.class, e -> assertThat(e.duplicates())
                        .singleElement().satisfies(hint -> {
                            assertThat(hint.sameName()).isTrue();
                            assertThat(hint.name()).isEqualTo(sameName.getName());
                            assertThat(hint.id()).isNull();
                        }));
    }

    @Test
    void clientWithoutEmailIsCheckedForDuplicatesByName() {
        ClientDraft first = ClientTestData.company("manager");
        first.setEmail(null);
        asManager(() -> clients.create(first, false));
        ClientDraft second = ClientTestData.company("manager");
        second.setEmail("  ");
        second.setName(first.getName());

        assertThatThrownBy(() -> asManager(() -> clients.create(second, false)))
                .isInstanceOf(DuplicateClientException.class);
        second.setName(ClientTestData.unique("Another"));
        assertThat(asManager(() -> clients.create(second, false)).email()).isNull();
    }

    @Test
    void memberSeesOnlyOwnClientsAndIsToldWhomToAskForOthers() {
        Client managers = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client members = asMember(() -> clients.create(ClientTestData.company("member"), false));

        assertThat(asMember(() -> clients.search(null, null, SortField.NAME, true, 0, 10_000)))
                .extracting(ClientSummary::id).contains(members.id()).doesNotContain(managers.id());
        assertThatThrownBy(() -> asMember(() -> clients.get(ClientKind.COMPANY, managers.id())))
                .isInstanceOfSatisfying(NoAccessException.class,
                        e -> assertThat(e.ownerName()).isEqualTo("Maria Keller"));
        assertThat(asOtherManager(() -> clients.get(ClientKind.COMPANY, members.id())).name())
                .isEqualTo(members.name());
    }

    @Test
    void aMemberKeepsTheirContactsLinkToACompanyTheyCannotOpenButCannotPickOne() {
        Client company = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client contact = asManager(() -> clients.create(ClientTestData.contact("member", company.id()), false));

        ClientDraft edit = ClientDraft.of(asMember(() -> clients.get(contact.id())));
        edit.setCity("Leipzig");
        Client saved = asMember(() -> clients.update(contact.id(), edit, false));
        assertThat(saved.companyId()).isEqualTo(company.id());
        assertThat(saved.city()).isEqualTo("Leipzig");

        ClientDraft move = ClientDraft.of(saved);
        move.setCompanyId(other.id());
        assertThatThrownBy(() -> asMember(() -> clients.update(contact.id(), move, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("companyId", "client.error.company-unknown")));
        assertThat(asManager(() -> clients.get(contact.id())).companyId()).isEqualTo(company.id());
    }

    @Test
    void askingForAccessTellsTheOwnerOnceADay() throws Exception {
        Client managers = asManager(() -> clients.create(ClientTestData.company("manager"), false));

        assertThat(asMember(() -> clients.requestAccess(managers.id()))).isEqualTo(AccessRequestResult.SENT);
        var mail = DevServices.mail().awaitMessage("maria.keller@clientspace.example",
                "Tom Becker asks for access to " + managers.name(), Duration.ofSeconds(30));
        assertThat(mail).as("e-mail to the owner").isPresent();
        assertThat(mail.get().getContent().toString()).contains("/" + managers.workspacePath());

        assertThat(asMember(() -> clients.requestAccess(managers.id()))).isEqualTo(AccessRequestResult.ALREADY_ASKED);
        assertThat(asOtherManager(() -> clients.requestAccess(managers.id()))).isEqualTo(AccessRequestResult.HAS_ACCESS);
    }

    @Test
    void memberCannotHandAClientToSomeoneElse() {
        ClientDraft draft = ClientTestData.company("manager");
        assertThatThrownBy(() -> asMember(() -> clients.create(draft, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("client.error.owner-self-only"));
    }

    @Test
    void unknownIdOrWrongKindIsNotFound() {
        Client company = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThatThrownBy(() -> asManager(() -> clients.get(ClientKind.CONTACT, company.id())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asManager(() -> clients.get(ClientKind.COMPANY, UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void contactBelongsToItsCompany() {
        Client company = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Client contact = asManager(() -> clients.create(ClientTestData.contact("manager", company.id()), false));
        assertThat(contact.companyName()).isEqualTo(company.name());

        ClientDraft bad = ClientTestData.contact("manager", contact.id());
        assertThatThrownBy(() -> asManager(() -> clients.create(bad, false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("companyId"));
    }

    @Test
    void editBasedOnAnOldVersionIsRefusedWithoutOverwriting() {
        Client created = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThat(asManager(() -> clients.get(created.id())).version()).as("version after create")
                .isEqualTo(created.version());
        ClientDraft first = ClientDraft.of(created);
        ClientDraft second = ClientDraft.of(created);
        first.setCity("Hamburg");
        asManager(() -> clients.update(created.id(), first, false));
        second.setCity("Munich");

        assertThatThrownBy(() -> asManager(() -> clients.update(created.id(), second, false)))
                .isInstanceOf(StaleDataException.class);
        assertThat(asManager(() -> clients.get(created.id())).city()).isEqualTo("Hamburg");
    }
}
