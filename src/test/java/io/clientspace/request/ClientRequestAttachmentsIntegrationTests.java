package io.clientspace.request;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.clientspace.devservices.ClamdService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.file.StorageProperties;
import io.clientspace.portal.PortalClientRequests;
import io.clientspace.portal.PortalDocument;
import io.clientspace.portal.PortalService;
import io.clientspace.portal.PortalTestData;
import io.clientspace.security.RateLimitProperties;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.TestFiles;
import io.minio.MinioClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files on client requests against the real clamd, PostgreSQL and S3-compatible storage (DD031): a request is raised
 * with its files or not at all, whoever raises it; the files become the workspace's and show on the request for the
 * customer and the team; another customer cannot fetch one by its id.
 */
@ClientspaceIntegrationTest
class ClientRequestAttachmentsIntegrationTests {

    @Autowired
    ClientRequestService requests;
    @Autowired
    PortalClientRequests portalRequests;
    @Autowired
    PortalService portal;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    PortalTestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MinioClient minio;
    @Autowired
    StorageProperties storage;
    @Autowired
    RateLimitProperties rateLimits;

    @TempDir
    Path dir;

    PortalTestData.World a;
    PortalTestData.World b;
    String marker;
    Path good;
    Path infected;
    Path program;
    long fileRowsBefore;
    List<String> objectsBefore;

    @BeforeEach
    void twoCustomers() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 6);
        a = data.world("creqfa" + marker);
        b = data.world("creqfb" + marker);
        good = TestFiles.write(dir, TestFiles.pdf("screenshot " + marker));
        infected = Files.write(dir.resolve("notes.txt"), ("Notes\n" + ClamdService.EICAR + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] windowsProgram = new byte[512];
        windowsProgram[0] = 'M';
        windowsProgram[1] = 'Z';
        program = Files.write(dir.resolve("invoice.pdf"), windowsProgram);
        fileRowsBefore = fileRows();
        objectsBefore = objects();
        assertThat(objectsBefore).as("the world's own files are in storage").isNotEmpty();
    }

    long fileRows() {
        return jdbc.queryForObject("select count(*) from stored_file where client_id = ?", Long.class,
                a.client().id());
    }

    long requestRows() {
        return jdbc.queryForObject("select count(*) from client_request where client_id = ?", Long.class,
                a.client().id());
    }

    List<String> objects() {
        return TestFiles.objectsUnder(minio, storage.bucket(), "clients/" + a.client().id() + "/");
    }

    void nothingWasStored() {
        assertThat(requestRows()).as("no request").isZero();
        assertThat(fileRows()).as("no file row").isEqualTo(fileRowsBefore);
        assertThat(objects()).as("no object in storage").containsExactlyInAnyOrderElementsOf(objectsBefore);
    }

    RequestDraft draft(String subject, List<RequestDraft.Upload> files) {
        return new RequestDraft("TECHNICAL", subject, "It shows an error", a.project().id(), null, null, files);
    }

    @Test
    void anInfectedFileNextToAGoodOneLeavesNoRequestNoFileAndNoObject() {
        assertThatThrownBy(() -> asA(() -> requests.raiseForCustomer(scopeA(), draft("Export fails",
                List.of(new RequestDraft.Upload("screenshot.pdf", good), new RequestDraft.Upload("notes.txt",
                        infected)))))).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(FieldProblem.of("attachments", "file.error.infected",
                        "notes.txt")));
        nothingWasStored();

        // logged by staff, the same
        assertThatThrownBy(() -> asManager(() -> requests.raiseForClient(a.client().id(), draft("Export fails",
                List.of(new RequestDraft.Upload("screenshot.pdf", good), new RequestDraft.Upload("notes.txt",
                        infected)))))).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(tuple("attachments", "file.error.infected")));
        nothingWasStored();
    }

    @Test
    void aForbiddenTypeIsRefusedByItsBytesTogetherWithTheFormsOtherProblems() {
        assertThatThrownBy(() -> asA(() -> requests.raiseForCustomer(scopeA(), new RequestDraft("TECHNICAL", " ",
                null, null, null, null, List.of(new RequestDraft.Upload("screenshot.pdf", good),
                new RequestDraft.Upload("invoice.pdf", program))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                                tuple("subject", "clientrequest.error.subject-required"),
                                tuple("attachments", "file.error.program")));
        nothingWasStored();
    }

    @Test
    void moreFilesThanARequestTakesAreRefusedWhole() {
        List<RequestDraft.Upload> many = new ArrayList<>(Collections.nCopies(ClientRequestService.ATTACHMENTS_MAX + 1,
                new RequestDraft.Upload("screenshot.pdf", good)));
        assertThatThrownBy(() -> asA(() -> requests.raiseForCustomer(scopeA(), draft("Many files", many))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        FieldProblem.of("attachments", "clientrequest.error.attachments-too-many",
                                ClientRequestService.ATTACHMENTS_MAX, ClientRequestService.ATTACHMENTS_MAX + 1)));
        nothingWasStored();
    }

    @Test
    void aContactRaisingTooManyRequestsIsAskedToWaitAndTheRefusedOneLeavesNoRequestAndNoFile() {
        int capacity = rateLimits.portalRequest().capacity();
        for (int i = 0; i < capacity; i++) {
            int n = i;
            asA(() -> portalRequests.raise(scopeA(), draft("Question " + n, List.of())));
        }
        long fileRows = fileRows();
        List<String> objects = objects();
        assertThatThrownBy(() -> asA(() -> portalRequests.raise(scopeA(), draft("One more " + marker,
                List.of(new RequestDraft.Upload("screenshot.pdf", good))))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field, FieldProblem::messageKey)
                        .containsExactly(tuple("request", "rate-limit.request")));
        assertThat(requestRows()).as("only the requests within the limit").isEqualTo(capacity);
        assertThat(fileRows()).as("no file row").isEqualTo(fileRows);
        assertThat(objects()).as("no object in storage").containsExactlyInAnyOrderElementsOf(objects);

        // another contact is not held up by it
        ClientRequest ofB = asB(() -> portalRequests.raise(scopeB(), new RequestDraft("GENERAL", "B's own " + marker,
                null, null, null, null)));
        assertThat(ofB.number()).isNotBlank();
    }

    @Test
    void theFilesBecomeTheWorkspacesAndShowOnTheRequestForTheCustomerAndTheTeam() throws Exception {
        Path second = TestFiles.write(dir, TestFiles.pdf("log " + marker));
        ClientRequest raised = asA(() -> requests.raiseForCustomer(scopeA(), draft("Export fails " + marker,
                List.of(new RequestDraft.Upload("screenshot.pdf", good), new RequestDraft.Upload("log.pdf",
                        second)))));

        // the workspace's files, in the request's project, not shared by themselves
        assertThat(fileRows()).isEqualTo(fileRowsBefore + 2);
        assertThat(objects()).hasSize(objectsBefore.size() + 2);
        assertThat(jdbc.queryForList("select project_id from stored_file where id in (select file_id from"
                + " client_request_attachment where request_id = ?)", UUID.class, raised.id()))
                .containsOnly(a.project().id());

        ClientRequest customerView = asA(() -> requests.forCustomer(scopeA(), raised.id()));
        assertThat(customerView.attachments()).extracting(RequestAttachment::name)
                .containsExactly("log.pdf", "screenshot.pdf");
        ClientRequest staffView = asManager(() -> requests.get(raised.id()));
        assertThat(staffView.attachments()).isEqualTo(customerView.attachments());

        UUID fileId = customerView.attachments().get(1).fileId();
        String customerLink = asA(() -> portalRequests.attachment(scopeA(), raised.id(), fileId));
        assertThat(TestFiles.get(customerLink).body()).isEqualTo(Files.readAllBytes(good));
        assertThat(jdbc.queryForObject("select count(*) from portal_download where account_id = ? and subject_id = ?",
                Long.class, a.accountId(), fileId)).as("the customer's download is recorded").isOne();
        String staffLink = asManager(() -> requests.attachmentLink(raised.id(), fileId));
        assertThat(TestFiles.get(staffLink).statusCode()).isEqualTo(200);
        // a file of the workspace that is not the request's is not served through it
        UUID otherFile = a.sharedFile().id();
        assertThatThrownBy(() -> asA(() -> portalRequests.attachment(scopeA(), raised.id(), otherFile)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asManager(() -> requests.attachmentLink(raised.id(), otherFile)))
                .isInstanceOf(NotFoundException.class);

        // staff log one with a file as well
        ClientRequest logged = asManager(() -> requests.raiseForClient(a.client().id(), new RequestDraft("GENERAL",
                "From the phone " + marker, null, null, null, null, List.of(new RequestDraft.Upload("notes.pdf",
                second)))));
        assertThat(asA(() -> requests.forCustomer(scopeA(), logged.id())).attachments())
                .extracting(RequestAttachment::name).containsExactly("notes.pdf");
        assertThat(jdbc.queryForObject("select project_id from stored_file where id = ?", UUID.class,
                logged.attachments().get(0).fileId())).as("on the client, as the request").isNull();
    }

    @Test
    void anotherCustomerCannotFetchAnAttachmentByItsId() {
        ClientRequest ofA = asA(() -> requests.raiseForCustomer(scopeA(), draft("Export fails " + marker,
                List.of(new RequestDraft.Upload("screenshot.pdf", good)))));
        UUID fileId = ofA.attachments().get(0).fileId();
        ClientRequest ofB = asB(() -> requests.raiseForCustomer(scopeB(), new RequestDraft("GENERAL", "B's own",
                null, null, null, null)));

        // through A's request, through B's own request, and as a shared file of the portal: the same not found
        assertThatThrownBy(() -> asB(() -> portalRequests.attachment(scopeB(), ofA.id(), fileId)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(() -> portalRequests.attachment(scopeB(), ofB.id(), fileId)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asB(() -> portal.download(scopeB(), PortalDocument.Kind.FILE, fileId)))
                .isInstanceOf(NotFoundException.class);
        // nor does A's file sit among B's documents, or A's request among B's
        assertThat(asB(() -> portal.documents(scopeB()))).extracting(PortalDocument::id).doesNotContain(fileId);
        assertThat(asB(() -> requests.forCustomer(scopeB()))).extracting(ClientRequest::id).containsExactly(ofB.id());
        assertThat(jdbc.queryForObject("select count(*) from portal_download where subject_id = ?", Long.class,
                fileId)).isZero();
    }

    private <T> T asA(Supplier<T> work) {
        return asCustomer(a.username(), a.client().id(), work);
    }

    private <T> T asB(Supplier<T> work) {
        return asCustomer(b.username(), b.client().id(), work);
    }

    private CustomerScope scopeA() {
        return asA(() -> portalAccess.current().orElseThrow());
    }

    private CustomerScope scopeB() {
        return asB(() -> portalAccess.current().orElseThrow());
    }
}
