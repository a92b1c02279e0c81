package io.clientspace.file;

import io.clientspace.devservices.ClamdService;
import io.clientspace.devservices.DevServices;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.NotFoundException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.sql.Timestamp;
import java.time.Duration;
import org.springframework.transaction.PlatformTransactionManager;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.file.domain.StoredFileRepository;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files against the real S3-compatible server, PostgreSQL and clamd, including both halves of an upload failing, an
 * infected upload and the virus scanner being down.
 */
@ClientspaceIntegrationTest
@org.junit.jupiter.api.extension.ExtendWith(OutputCaptureExtension.class)
class FileServiceIntegrationTests {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    FileService files;
    @Autowired
    ClientService clients;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ProjectService projects;
    @Autowired
    MinioClient minio;
    @Autowired
    StorageProperties storage;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoredFileRepository repository;
    @Autowired
    CurrentUserProvider currentUser;
    @Autowired
    StaffDirectory staff;
    @Autowired
    FileProperties limits;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    Clock clock;
    @Autowired
    VirusScanner scanner;
    @Autowired
    ObjectStore store;

    @TempDir
    Path dir;
    Client client;

    @BeforeEach
    void client() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
    }

    @Test
    void anUploadedFileIsListedAndItsShortLivedLinkDownloadsTheBytesFromStorage() throws Exception {
        StoredFile stored = asManager(() -> files.upload(client.id(), "C:\\Users\\maria\\Angebot 2026.pdf",
                file("upload.tmp", PDF)));

        assertThat(stored.name()).isEqualTo("Angebot 2026.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.sizeBytes()).isEqualTo(PDF.length);
        assertThat(stored.uploadedByName()).isEqualTo("Maria Keller");
        assertThat(asManager(() -> files.countForClient(client.id()))).isEqualTo(1);
        assertThat(objects()).hasSize(1);

        String link = asManager(() -> files.downloadLink(stored.id()));
        assertThat(link).contains("X-Amz-Expires=300");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(PDF);
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                v -> assertThat(v).startsWith("attachment").contains("Angebot%202026.pdf"));
    }

    @Test
    void aProgramNamedLikeAPdfIsRefusedByItsBytesAndNothingIsStored() throws Exception {
        byte[] windowsProgram = new byte[512];
        windowsProgram[0] = 'M';
        windowsProgram[1] = 'Z';
        Path exe = file("invoice.pdf", windowsProgram);

        assertThatThrownBy(() -> asManager(() -> files.upload(client.id(), "invoice.pdf", exe)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("file.error.program"));
        assertThat(asManager(() -> files.countForClient(client.id()))).isZero();
        assertThat(objects()).isEmpty();
    }

    @Test
    void emptyAndTooBigFilesAreRefusedWithTheLimit() throws Exception {
        assertThatThrownBy(() -> asManager(() -> files.upload(client.id(), "empty.txt", file("empty.txt",
                new byte[0])))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("file", "file.error.empty", "empty.txt")));

        Path big = dir.resolve("scan.pdf");
        Files.write(big, PDF);
        try (var channel = FileChannel.open(big, StandardOpenOption.WRITE)) {
            channel.truncate(limits.maxSizeBytes() + 1);
            channel.position(limits.maxSizeBytes()).write(ByteBuffer.wrap(new byte[] {1}));
        }
        assertThatThrownBy(() -> asManager(() -> files.upload(client.id(), "scan.pdf", big)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        FieldProblem.of("file", "file.error.too-big", "scan.pdf", limits.maxSizeMb())));
        assertThat(objects()).isEmpty();
    }

    @Test
    void whenStorageFailsNoRowIsWritten() throws Exception {
        MinioClient unreachable = MinioClient.builder().endpoint("http://127.0.0.1:9").region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey()).build();
        FileService broken = new FileService(repository, projects, currentUser, staff,
                new ObjectStore(unreachable, unreachable, storage, limits, scanner), limits, events, clock, transactionManager);

        assertThatThrownBy(() -> asManager(() -> broken.upload(client.id(), "contract.pdf", file("c.pdf", PDF))))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(asManager(() -> files.countForClient(client.id()))).isZero();
    }

    @Test
    void whenTheRowFailsTheObjectIsRemovedAgain() throws Exception {
        jdbc.execute("""
                create or replace function refuse_test_file() returns trigger language plpgsql as $$
                begin raise exception 'refused by the database for this test'; end $$""");
        jdbc.execute("create trigger refuse_test_file before insert on stored_file for each row"
                + " when (new.name = 'refused-by-database.pdf') execute function refuse_test_file()");
        try {
            assertThatThrownBy(() -> asManager(() -> files.upload(client.id(), "refused-by-database.pdf",
                    file("r.pdf", PDF)))).hasStackTraceContaining("refused by the database for this test");
        } finally {
            jdbc.execute("drop trigger refuse_test_file on stored_file");
        }
        assertThat(asManager(() -> files.countForClient(client.id()))).isZero();
        assertThat(objects()).as("objects left in storage after the failed upload").isEmpty();
    }

    @Test
    void aDeletedFileIsRestorableUntilTheTrashPeriodEndsThenRemovedForGood() throws Exception {
        StoredFile stored = asManager(() -> files.upload(client.id(), "minutes.pdf", file("m.pdf", PDF)));

        asManager(() -> files.delete(stored.id()));
        assertThat(asManager(() -> files.countForClient(client.id()))).isZero();
        assertThat(asManager(() -> files.trash(client.id()))).singleElement()
                .satisfies(f -> assertThat(f.deletedByName()).isEqualTo("Maria Keller"));
        assertThatThrownBy(() -> asManager(() -> files.downloadLink(stored.id())))
                .isInstanceOf(NotFoundException.class);

        asManager(() -> files.restore(stored.id()));
        assertThat(asManager(() -> files.countForClient(client.id()))).isEqualTo(1);

        asManager(() -> files.delete(stored.id()));
        jdbc.update("update stored_file set deleted_at = ? where id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(limits.trashDays() + 1))),
                stored.id());
        assertThatThrownBy(() -> asManager(() -> files.restore(stored.id())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("file.error.restore-expired"));

        List<UUID> expired = jdbc.queryForList("select id from stored_file where deleted_at < ?", UUID.class,
                java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(limits.trashDays()))));
        assertThat(expired).as("this test's file is the expired trash").contains(stored.id());
        assertThat(files.purgeExpiredTrash()).as("every expired file, this one among them").isEqualTo(expired.size());
        assertThat(repository.findById(stored.id())).isEmpty();
        assertThat(objects()).isEmpty();
    }

    @Test
    void aMemberCannotReachFilesOfAClientOutsideTheirWorkGroup() throws Exception {
        StoredFile stored = asManager(() -> files.upload(client.id(), "board.pdf", file("b.pdf", PDF)));

        assertThatThrownBy(() -> asMember(() -> files.forClient(client.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> files.downloadLink(stored.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> files.delete(stored.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> files.upload(client.id(), "x.pdf", file("x.pdf", PDF))))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> files.countForClient(client.id()))).isEqualTo(1);
    }

    // -------------------------------------------------------------------------------------------------- antivirus

    static final byte[] EICAR = ClamdService.EICAR.getBytes(StandardCharsets.US_ASCII);

    @Test
    void anInfectedUploadIsRefusedNothingIsStoredAndTheAttemptIsLogged(
            CapturedOutput output) throws Exception {
        assertThatThrownBy(() -> asManager(() -> files.upload(client.id(), "report.txt", file("r.txt", EICAR))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .containsExactly(FieldProblem.of("file", "file.error.infected", "report.txt")));
        assertThat(asManager(() -> files.countForClient(client.id()))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from stored_file where client_id = ?", Long.class,
                client.id())).isZero();
        assertThat(objects()).isEmpty();
        assertThat(output.getAll()).contains("SECURITY: refused an infected upload by manager", "report.txt",
                "Clientspace.Test.EICAR");

        // inside another file, from the portal and for a document version alike
        byte[] wrapped = ("Notes\n" + ClamdService.EICAR + "\n").getBytes(
                StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> store.checkCustomerUploadOrQuarantine("notes.txt", file("n.txt", wrapped)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("file.error.infected"));
        assertThatThrownBy(() -> store.check("notes.txt", file("n.txt", wrapped)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void whileTheScannerIsDownAFileWaitsInQuarantineAndIsReleasedOnlyAfterAScan() throws Exception {
        var clamd = DevServices.clamd();
        StoredFile waiting;
        StoredFile infected;
        clamd.stop();
        try {
            assertThat(scanner.reachable()).isFalse();
            waiting = asManager(() -> files.upload(client.id(), "plan.pdf", file("p.pdf", PDF)));
            infected = asManager(() -> files.upload(client.id(), "looks-fine.txt", file("l.txt", EICAR)));
            assertThat(waiting.awaitingScan()).isTrue();
            assertThat(infected.awaitingScan()).as("no scanner, no verdict: it waits like any other").isTrue();

            // listed with its badge, but nothing hands it out
            assertThat(asManager(() -> files.forClient(client.id()))).extracting(StoredFile::awaitingScan)
                    .containsOnly(true);
            assertThatThrownBy(() -> asManager(() -> files.downloadLink(waiting.id())))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> asManager(() -> files.setShared(waiting.id(), true)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::messageKey).containsExactly("file.error.awaiting-scan"));
            assertThat(files.attachments(client.id(), List.of(waiting.id()))).isEmpty();
            // a caller that keeps no quarantine gets a refusal, never an unscanned file
            assertThatThrownBy(() -> store.check("answer.pdf", file("a.pdf", PDF)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                            .extracting(FieldProblem::messageKey).containsExactly("file.error.scan-unavailable"));

            files.releaseQuarantined();
            assertThat(asManager(() -> files.forClient(client.id()))).as("still down: still waiting")
                    .extracting(StoredFile::awaitingScan).containsOnly(true);
        } finally {
            clamd.restart();
        }

        files.releaseQuarantined();

        List<StoredFile> after = asManager(() -> files.forClient(client.id()));
        assertThat(after).singleElement().satisfies(f -> {
            assertThat(f.id()).isEqualTo(waiting.id());
            assertThat(f.awaitingScan()).isFalse();
        });
        assertThat(asManager(() -> files.downloadLink(waiting.id()))).contains("X-Amz-Expires");
        assertThat(repository.findById(infected.id())).as("found infected on release: removed").isEmpty();
        assertThat(objects()).containsExactly("clients/" + client.id() + "/files/" + waiting.id());
    }

    @Test
    void customersCannotUploadMacroOfficeRtfOrZipThatStaffMay() throws Exception {
        byte[] rtf = "{\\rtf1\\ansi Hello}".getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(zipped)) {
            zip.putNextEntry(new ZipEntry("inside.txt"));
            zip.write("hello".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        for (var upload : List.of(Map.entry("letter.rtf", rtf),
                Map.entry("bundle.zip", zipped.toByteArray()))) {
            assertThatThrownBy(() -> store.checkCustomerUploadOrQuarantine(upload.getKey(), file("c", upload.getValue())))
                    .as(upload.getKey()).isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.problems()).extracting(FieldProblem::messageKey)
                                    .containsExactly("file.error.type-customer"));
            assertThat(store.check(upload.getKey(), file("s", upload.getValue())).awaitingScan())
                    .as("staff may upload " + upload.getKey()).isFalse();
        }
        assertThat(store.checkCustomerUploadOrQuarantine("scan.pdf", file("p.pdf", PDF)).contentType())
                .isEqualTo("application/pdf");
    }

    private Path file(String name, byte[] bytes) {
        try {
            Path p = Files.createTempFile(dir, "upload", name);
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> objects() throws Exception {
        List<String> keys = new ArrayList<>();
        for (var item : minio.listObjects(ListObjectsArgs.builder().bucket(storage.bucket())
                .prefix("clients/" + client.id() + "/").recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }
}
