package io.clientspace.people;

import static io.clientspace.support.Actors.as;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.deal.Deal;
import io.clientspace.deal.DealDraft;
import io.clientspace.deal.DealService;
import io.clientspace.devservices.DevServices;
import io.clientspace.people.ColleagueService.Colleague;
import io.clientspace.people.ColleagueService.HandoverPreview;
import io.clientspace.people.ColleagueService.Invitation;
import io.clientspace.security.Roles;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.HandoverLine;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Colleagues managed in the app against the real Keycloak and mail sandbox: an invitation makes an account with its
 * roles and Keycloak's set-password mail; bad input is refused field by field with nothing created; roles change with
 * the last-admin rules; deactivating hands over exactly what the preview showed and disables the account.
 */
@ClientspaceIntegrationTest
class ColleagueServiceIntegrationTests {

    @Autowired
    ColleagueService colleagues;
    @Autowired
    ClientService clients;
    @Autowired
    DealService deals;
    @Autowired
    WorkTaskService tasks;

    static <T> T asAdmin(Supplier<T> work) {
        return as("admin", work, Roles.ADMIN, Roles.STAFF);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    Colleague invite(String username, Set<String> roles) {
        return asAdmin(() -> colleagues.invite(new Invitation(username, "Anna", "Berg", username + "@firm.example",
                roles, Locale.GERMAN)));
    }

    @Test
    void anInvitationMakesAnActiveAccountWithItsRolesAndKeycloakMailsTheSetPasswordLink() throws Exception {
        String username = unique("anna");
        Colleague anna = invite(username, Set.of(Roles.MEMBER, Roles.PROCESS_OWNER));

        assertThat(anna.active()).isTrue();
        assertThat(anna.roles()).containsExactly(Roles.MEMBER, Roles.PROCESS_OWNER);
        assertThat(asAdmin(() -> colleagues.all())).filteredOn(c -> c.username().equals(username)).singleElement()
                .satisfies(c -> assertThat(c.email()).isEqualTo(username + "@firm.example"));
        List<MimeMessage> mails = DevServices.mail().awaitMessages(username + "@firm.example", 1,
                Duration.ofSeconds(30));
        assertThat(mails).as("Keycloak's set-password mail").hasSize(1);
        try (Keycloak master = master()) {
            var user = master.realm("clientspace-staff").users().searchByUsername(username, true).get(0);
            assertThat(user.isEnabled()).isTrue();
            assertThat(user.getAttributes().get("locale")).containsExactly("de");
            assertThat(master.realm("clientspace-staff").users().get(user.getId()).roles().realmLevel().listAll())
                    .extracting(r -> r.getName()).contains("member", "process-owner").doesNotContain("admin");
        }
        assertThat(asAdmin(() -> colleagues.audit(10))).first().satisfies(line -> {
            assertThat(line.action()).isEqualTo("INVITED");
            assertThat(line.colleague()).isEqualTo(username);
            assertThat(line.actor()).isEqualTo("admin");
        });
    }

    @Test
    void badInvitationsAreRefusedFieldByFieldAndCreateNothing() {
        String username = unique("bad");
        assertThatThrownBy(() -> asAdmin(() -> colleagues.invite(new Invitation("Not Valid!", "", "Berg",
                "maria.keller@clientspace.example", Set.of(), Locale.ENGLISH))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("username", "colleagues.error.username"),
                                org.assertj.core.groups.Tuple.tuple("firstName", "colleagues.error.first-name"),
                                org.assertj.core.groups.Tuple.tuple("email", "colleagues.error.email-taken"),
                                org.assertj.core.groups.Tuple.tuple("roles", "colleagues.error.no-role")));
        assertThatThrownBy(() -> asAdmin(() -> colleagues.invite(new Invitation("manager", "Maria", "Keller",
                username + "@firm.example", Set.of(Roles.MEMBER), Locale.ENGLISH))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("colleagues.error.username-taken"));
        assertThat(asAdmin(() -> colleagues.all())).extracting(Colleague::email)
                .doesNotContain(username + "@firm.example");
        assertThatThrownBy(() -> asManager(() -> colleagues.all())).as("managers do not manage colleagues")
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void rolesChangeButNobodyTakesTheAdminRoleFromThemselves() {
        String username = unique("carl");
        invite(username, Set.of(Roles.MEMBER));

        Colleague carl = asAdmin(() -> colleagues.changeRoles(username, Set.of(Roles.MANAGER)));

        assertThat(carl.roles()).containsExactly(Roles.MANAGER);
        assertThatThrownBy(() -> asAdmin(() -> colleagues.changeRoles("admin", Set.of(Roles.MANAGER))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("colleagues.error.own-admin"));
        assertThatThrownBy(() -> asAdmin(() -> colleagues.changeRoles(username, Set.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("colleagues.error.no-role"));
        assertThat(asAdmin(() -> colleagues.audit(10))).first()
                .satisfies(line -> assertThat(line.action()).isEqualTo("ROLES_CHANGED"));
    }

    @Test
    void deactivatingHandsOverExactlyWhatThePreviewShowedAndDisablesTheAccount() {
        String username = unique("dora");
        invite(username, Set.of(Roles.MEMBER));
        Client client = asManager(() -> clients.create(ClientTestData.company(username), false));
        DealDraft draft = new DealDraft();
        draft.setTitle(ClientTestData.unique("Handover deal"));
        draft.setAmount(new BigDecimal("1200"));
        draft.setExpectedClose(LocalDate.now().plusMonths(1));
        draft.setOwner(username);
        Deal deal = asManager(() -> deals.create(client.id(), draft));
        TaskDraft task = new TaskDraft();
        task.setTitle(ClientTestData.unique("Handover task"));
        task.setAssignee(username);
        WorkTask work = asManager(() -> tasks.create(client.id(), task));

        HandoverPreview preview = asAdmin(() -> colleagues.previewDeactivation(username, "manager"));

        assertThat(preview.blocked()).isFalse();
        assertThat(preview.lines()).extracting(HandoverLine::id, HandoverLine::outcome).contains(
                org.assertj.core.groups.Tuple.tuple(client.id(), HandoverLine.Outcome.MOVES),
                org.assertj.core.groups.Tuple.tuple(deal.id(), HandoverLine.Outcome.MOVES),
                org.assertj.core.groups.Tuple.tuple(work.id(), HandoverLine.Outcome.MOVES));

        asAdmin(() -> colleagues.deactivate(username, "manager"));

        assertThat(asManager(() -> clients.get(client.id())).owner()).isEqualTo("manager");
        assertThat(asManager(() -> deals.get(deal.id())).owner()).isEqualTo("manager");
        assertThat(asManager(() -> tasks.get(work.id())).assignee()).isEqualTo("manager");
        assertThat(asAdmin(() -> colleagues.previewDeactivation(username, "manager")).lines())
                .as("nothing is left with the deactivated colleague").isEmpty();
        try (Keycloak master = master()) {
            assertThat(master.realm("clientspace-staff").users().searchByUsername(username, true).get(0).isEnabled())
                    .as("Keycloak refuses their next sign-in").isFalse();
        }
        assertThat(asAdmin(() -> colleagues.all())).filteredOn(c -> c.username().equals(username)).singleElement()
                .satisfies(c -> assertThat(c.active()).isFalse());
        assertThatThrownBy(() -> asAdmin(() -> colleagues.changeRoles(username, Set.of(Roles.MANAGER))))
                .as("no role changes for a deactivated colleague")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("colleagues.error.already-inactive"));
        assertThat(asAdmin(() -> colleagues.audit(10))).first().satisfies(line -> {
            assertThat(line.action()).isEqualTo("DEACTIVATED");
            assertThat(line.details()).containsExactly("manager", String.valueOf(preview.lines().size()));
        });
    }

    @Test
    void nobodyDeactivatesThemselvesAndWorkNeedsASuccessor() {
        String username = unique("emil");
        invite(username, Set.of(Roles.MEMBER));
        asManager(() -> clients.create(ClientTestData.company(username), false));

        assertThatThrownBy(() -> asAdmin(() -> colleagues.deactivate("admin", "manager")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("colleagues.error.self"));
        assertThatThrownBy(() -> asAdmin(() -> colleagues.deactivate(username, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("colleagues.error.successor-needed"));
        assertThatThrownBy(() -> asAdmin(() -> colleagues.deactivate(username, "process")))
                .as("a process owner only cannot own clients")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("colleagues.error.successor"));
        assertThat(asAdmin(() -> colleagues.all())).filteredOn(c -> c.username().equals(username)).singleElement()
                .as("still active after every refusal").satisfies(c -> assertThat(c.active()).isTrue());
    }

    static Keycloak master() {
        return KeycloakBuilder.builder().serverUrl(DevServices.keycloak().url()).realm("master").clientId("admin-cli")
                .username("admin").password("admin").build();
    }
}
