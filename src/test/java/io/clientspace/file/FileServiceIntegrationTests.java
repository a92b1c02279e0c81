package io.clientspace.file;

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

/** Files against the real S3-compatible server and PostgreSQL, including both halves of an upload failing. */
@ClientspaceIntegrationTest
class FileServiceIntegrationTests {

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    FileService files;
    @Autowired
    ClientService clients;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;
    @Autowired
    io.clientspace.project.ProjectService projects;
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
        try (var channel = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(limits.maxSizeBytes() + 1);
            channel.position(limits.maxSizeBytes()).write(java.nio.ByteBuffer.wrap(new byte[] {1}));
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
                new ObjectStore(unreachable, unreachable, storage, limits), limits, events, clock, transactionManager);

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
                .isInstanceOf(io.clientspace.shared.NotFoundException.class);

        asManager(() -> files.restore(stored.id()));
        assertThat(asManager(() -> files.countForClient(client.id()))).isEqualTo(1);

        asManager(() -> files.delete(stored.id()));
        jdbc.update("update stored_file set deleted_at = ? where id = ?",
                java.sql.Timestamp.from(Instant.now().minus(java.time.Duration.ofDays(limits.trashDays() + 1))),
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

    private Path file(String name, byte[] bytes) {
        try {
            Path p = Files.createTempFile(dir, "upload", name);
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
