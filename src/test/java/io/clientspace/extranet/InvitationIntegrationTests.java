package io.clientspace.extranet;

import io.clientspace.support.Actors;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.devservices.DevServices;
import io.clientspace.extranet.process.ExtranetInvitationProcess;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Portal invitations end to end against the real Keycloak, engine and mail sandbox: the identity is provisioned and
 * bound, Keycloak mails its set-password link, the first sign-in activates the contact, an unused invitation
 * expires, and revoking disables the identity.
 */
@ClientspaceIntegrationTest
class InvitationIntegrationTests {

    @Autowired
    ClientService clients;
    @Autowired
    ExternalAccessService access;
    @Autowired
    CustomerDirectory directory;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TimelineService timeline;
    @Autowired
    Clock clock;

    Client client;
    String email;

    @BeforeEach
    void clientAndAddress() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        email = "greta-" + UUID.randomUUID().toString().substring(0, 8) + "@lind.example";
    }

    @Test
    void anInvitationProvisionsAndBindsTheIdentityAndMailsASetPasswordLink() throws Exception {
        PortalAccount invited;
        invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.APPROVER), true));

        assertThat(invited.contactStatus()).isEqualTo(PortalContactStatus.INVITED);
        assertThat(invited.role()).isEqualTo(PortalRole.APPROVER);
        assertThat(invited.invitedByName()).isEqualTo("Maria Keller");
        // the identity and the mail come from the invitation's own job, retried while Keycloak is unreachable
        awaitSent(invited.id());
        invited = only();
        assertThat(invited.invitationExpiresAt()).isCloseTo(clock.instant().plus(7, ChronoUnit.DAYS),
                within(1, ChronoUnit.MINUTES));
        var identity = directory.findByEmail(email).orElseThrow();
        assertThat(identity.isEnabled()).isTrue();
        assertThat(identity.getFirstName()).isEqualTo("Greta");
        assertThat(identity.getLastName()).isEqualTo("Lind");
        assertThat(CustomerDirectory.attribute(identity, CustomerDirectory.CUSTOMER_ID))
                .containsExactly(client.id().toString());

        List<MimeMessage> mails = DevServices.mail().awaitMessages(email, 1, Duration.ofSeconds(20));
        assertThat(mails).as("Keycloak's set-password mail").hasSize(1);
        assertThat(mails.get(0).getSubject()).as("worded by our e-mail theme")
                .isEqualTo("Your invitation to the Clientspace portal");
        // the link is Keycloak's single-use action token: set a password, valid as long as the invitation
        var token = Pattern.compile("action-token\\?key=([\\w-]+)\\.([\\w-]+)\\.")
                .matcher(body(mails.get(0)));
        assertThat(token.find()).as("a set-password link in the mail").isTrue();
        String claims = new String(Base64.getUrlDecoder().decode(token.group(2)),
                StandardCharsets.UTF_8);
        assertThat(claims).contains("UPDATE_PASSWORD").contains("/portal");
        long expires = Long.parseLong(claims.replaceAll(".*\"exp\":(\\d+).*", "$1"));
        assertThat(Instant.ofEpochSecond(expires)).isCloseTo(invited.invitationExpiresAt(),
                within(1, ChronoUnit.MINUTES));
        assertThat(waiting(invited.id())).as("the invitation waits for the first sign-in").isTrue();
        assertThat(asManager(() -> access.countForClient(client.id()))).isEqualTo(1);
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .contains("EXTERNAL_ADDED", "EXTERNAL_INVITED");
    }

    @Test
    void theFirstSignInMakesTheContactActiveAndEndsTheInvitation() throws Exception {
        PortalAccount invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.APPROVER), true));
        awaitSent(invited.id());
        assertThat(access.mayUsePortal(email, client.id())).as("not before the first sign-in").isFalse();

        access.recordSignIn(email);
        access.recordSignIn(email);

        PortalAccount active = only();
        assertThat(active.contactStatus()).isEqualTo(PortalContactStatus.ACTIVE);
        assertThat(active.lastSignInAt()).isNotNull();
        assertThat(waiting(invited.id())).isFalse();
        assertThat(access.mayUsePortal(email, client.id())).isTrue();
        assertThat(access.mayUsePortal(email, UUID.randomUUID())).as("only for its own customer").isFalse();
        // mails to the contact start in the inviting colleague's language and follow the portal's language switch
        assertThat(access.activeContactsForNotification(client.id()))
                .containsExactly(new ExternalAccessService.ContactAddress(email, "Greta Lind", Locale.ENGLISH));
        Actors.asCustomer(email, client.id(), () -> {
            access.customerSpeaks(Locale.GERMANY);
            return null;
        });
        assertThat(access.activeContactsForNotification(client.id())).extracting(c -> c.locale().getLanguage())
                .containsExactly("de");
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .containsOnlyOnce("EXTERNAL_ACTIVATED");
    }

    @Test
    void sendingAgainMailsANewLinkAndRevokingDisablesTheIdentityAtOnce() throws Exception {
        PortalAccount invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.BILLING), true));
        DevServices.mail().awaitMessages(email, 1, Duration.ofSeconds(20));

        PortalAccount resent = asManager(() -> access.resend(invited.id()));
        assertThat(resent.contactStatus()).isEqualTo(PortalContactStatus.INVITED);
        assertThat(DevServices.mail().awaitMessages(email, 2, Duration.ofSeconds(20))).hasSize(2);
        assertThat(waiting(invited.id())).isTrue();

        PortalAccount revoked = asManager(() -> access.revoke(invited.id()));
        assertThat(revoked.contactStatus()).isEqualTo(PortalContactStatus.REVOKED);
        assertThat(directory.findByEmail(email).orElseThrow().isEnabled()).isFalse();
        assertThat(waiting(invited.id())).as("a revoked invitation no longer waits").isFalse();
        assertThat(access.mayUsePortal(email, client.id())).isFalse();
        assertThat(asManager(() -> access.revoke(invited.id())).contactStatus())
                .as("revoking twice is the same answer").isEqualTo(PortalContactStatus.REVOKED);

        PortalAccount again = asManager(() -> access.invite(invited.id()));
        assertThat(again.contactStatus()).isEqualTo(PortalContactStatus.INVITED);
        awaitSent(invited.id());
        assertThat(directory.findByEmail(email).orElseThrow().isEnabled()).isTrue();
        assertThat(waiting(invited.id())).isTrue();
    }

    @Test
    void anUnusedInvitationExpiresWhenItsTimerFires() throws Exception {
        PortalAccount invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.OTHER), true));
        awaitSent(invited.id());
        var timer = management.createJobQuery().processInstanceId(instanceOf(invited.id())).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isCloseTo(Instant.now().plus(7, ChronoUnit.DAYS),
                within(1, ChronoUnit.MINUTES));

        management.executeJob(timer.getId());

        assertThat(only().contactStatus()).isEqualTo(PortalContactStatus.EXPIRED);
        assertThat(waiting(invited.id())).isFalse();
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .contains("EXTERNAL_EXPIRED");
        // a late first sign-in changes nothing: the invitation is over
        access.recordSignIn(email);
        assertThat(only().contactStatus()).isEqualTo(PortalContactStatus.EXPIRED);
    }

    @Test
    void wrongOrTakenContactsAreRefusedAndNothingIsSaved() {
        assertThatThrownBy(() -> asManager(() -> access.addContact(client.id(),
                new PortalContactDraft(" ", "not-an-address", null), true)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactlyInAnyOrder(
                                "external.errors.name-required", "external.errors.email-invalid",
                                "external.errors.role-required"));
        asManager(() -> access.addContact(client.id(), new PortalContactDraft("Greta Lind", email,
                PortalRole.OTHER), false));
        assertThatThrownBy(() -> asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("G. Lind", email.toUpperCase(), PortalRole.OTHER), false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("email", "external.errors.email-taken-here", "Greta Lind")));
        Client other = asManager(() -> clients.create(ClientTestData.company("manager"), false));
        assertThatThrownBy(() -> asManager(() -> access.addContact(other.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.OTHER), false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("email", "external.errors.other-client", client.name())));
        assertThat(asManager(() -> access.forClient(client.id()))).hasSize(1);
        assertThat(asManager(() -> access.forClient(other.id()))).isEmpty();
        assertThat(directory.findByEmail(email)).as("not invited: no identity yet").isEmpty();
    }

    @Test
    void membersCannotAddInviteOrRevokeContacts() {
        PortalAccount contact = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.OTHER), false));
        Client own = asMember(() -> clients.create(ClientTestData.company("member"), false));
        assertThatThrownBy(() -> asMember(() -> access.addContact(own.id(),
                new PortalContactDraft("Greta Lind", "x" + email, PortalRole.OTHER), true)))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> access.invite(contact.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> access.revoke(contact.id()))).isInstanceOf(NoAccessException.class);
        assertThat(only().contactStatus()).isEqualTo(PortalContactStatus.NOT_INVITED);
    }

    // ------------------------------------------------------------------------- cancelling an invitation (issue 17)

    @Test
    void cancellingAnUnusedInvitationEndsItDeletesTheIdentityMadeForItAndTellsTheContact() throws Exception {
        PortalAccount invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.APPROVER), true));
        DevServices.mail().awaitMessages(email, 1, Duration.ofSeconds(20));
        assertThat(directory.findByEmail(email)).as("the identity made for the invitation").isPresent();
        assertThatThrownBy(() -> asMember(() -> access.cancelInvitation(invited.id())))
                .isInstanceOf(NoAccessException.class);

        PortalAccount cancelled = asManager(() -> access.cancelInvitation(invited.id()));

        assertThat(cancelled.contactStatus()).isEqualTo(PortalContactStatus.NOT_INVITED);
        assertThat(cancelled.invitationExpiresAt()).isNull();
        assertThat(waiting(invited.id())).as("the invitation process ended").isFalse();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(invited.id().toString()).count())
                .isZero();
        assertThat(directory.findByEmail(email)).as("the identity made for it is gone, and its link with it")
                .isEmpty();
        access.recordSignIn(email);
        assertThat(only().contactStatus()).as("a sign-in with the old link changes nothing")
                .isEqualTo(PortalContactStatus.NOT_INVITED);
        assertThat(access.mayUsePortal(email, client.id())).isFalse();
        var mail = DevServices.mail().awaitMessage(email, "Your invitation to the client portal was withdrawn",
                Duration.ofSeconds(20));
        assertThat(mail).as("the contact hears of it").isPresent();
        assertThat(body(mail.get())).contains("Greta Lind", "Maria Keller");
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .containsOnlyOnce("EXTERNAL_INVITATION_CANCELLED");
        assertThat(asManager(() -> access.cancelInvitation(invited.id())).contactStatus())
                .as("cancelling twice is the same answer").isEqualTo(PortalContactStatus.NOT_INVITED);

        PortalAccount again = asManager(() -> access.invite(invited.id()));
        assertThat(again.contactStatus()).as("the contact can be invited afresh").isEqualTo(PortalContactStatus.INVITED);
        awaitSent(invited.id());
        assertThat(directory.findByEmail(email).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void cancellingAnInvitationOfAnIdentityThatExistedBeforeDisablesItButKeepsIt() throws Exception {
        String existing = directory.create(email, "Greta Lind", client.id().toString(), Locale.ENGLISH);
        PortalAccount invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.OTHER), true));
        awaitSent(invited.id());
        assertThat(directory.findByEmail(email).orElseThrow().getId()).as("reused").isEqualTo(existing);

        asManager(() -> access.cancelInvitation(invited.id()));

        var identity = directory.findByEmail(email);
        assertThat(identity).as("not ours to delete").isPresent();
        assertThat(identity.get().isEnabled()).as("but its link no longer works").isFalse();
        assertThat(waiting(invited.id())).isFalse();
    }

    @Test
    void aUsedInvitationCannotBeCancelled() throws Exception {
        PortalAccount invited = asManager(() -> access.addContact(client.id(),
                new PortalContactDraft("Greta Lind", email, PortalRole.OTHER), true));
        awaitSent(invited.id());
        access.recordSignIn(email);

        assertThatThrownBy(() -> asManager(() -> access.cancelInvitation(invited.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("external.errors.cancel-used"));
        assertThat(only().contactStatus()).isEqualTo(PortalContactStatus.ACTIVE);
        assertThat(directory.findByEmail(email).orElseThrow().isEnabled()).isTrue();
    }

    private PortalAccount only() {
        List<PortalAccount> all = asManager(() -> access.forClient(client.id()));
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    /**
     * Waits until the invitation's identity step has run (its asynchronous job is gone) and the invitation waits for
     * the first sign-in; fails after 20 seconds.
     */
    private void awaitSent(UUID accountId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (management.createJobQuery().processInstanceId(instanceOf(accountId)).messages().count() > 0) {
            assertThat(System.nanoTime()).as("the invitation's identity step ran within 20 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private boolean waiting(UUID accountId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ExtranetInvitationProcess.PROCESS_ID)
                .processInstanceBusinessKey(accountId.toString()).active().count() > 0;
    }

    private String instanceOf(UUID accountId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ExtranetInvitationProcess.PROCESS_ID)
                .processInstanceBusinessKey(accountId.toString()).singleResult().getId();
    }

    private static String body(MimeMessage message) throws Exception {
        var out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
    }
}
