package io.clientspace.document;

import io.clientspace.file.StorageProperties;
import java.util.ArrayList;
import org.springframework.jdbc.core.JdbcTemplate;
import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

@ClientspaceIntegrationTest
class DocumentServiceIntegrationTests {

    @Autowired
    DocumentService documents;
    @Autowired
    ClientService clients;
    @Autowired
    io.minio.MinioClient minio;
    @Autowired
    StorageProperties storage;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;
    Client client;

    @BeforeEach
    void client() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
    }

    @Test
    void aDocumentKeepsEveryVersionWithItsHashAndOneFinalVersionMakesItReady() throws Exception {
        byte[] draft = pdf("Service agreement, draft");
        ClientDocument created = asManager(() -> documents.create(client.id(), "Service agreement",
                DocumentType.CONTRACT, "agreement-v1.pdf", file(draft)));
        assertThat(created.status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(created.latestVersion()).isEqualTo(1);
        assertThat(created.finalVersion()).isZero();
        assertThat(asManager(() -> documents.keyDocuments(client.id())).states()).containsEntry(DocumentType.CONTRACT,
                KeyDocuments.State.IN_PROGRESS).containsEntry(DocumentType.INVOICE, KeyDocuments.State.MISSING);

        byte[] signed = pdf("Service agreement, signed");
        DocumentVersion v2 = asManager(() -> documents.addVersion(created.id(), "agreement-signed.pdf", file(signed),
                "Signed by both parties"));
        assertThat(v2.number()).isEqualTo(2);
        assertThat(v2.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(signed)));
        assertThat(asManager(() -> documents.versions(created.id()))).extracting(DocumentVersion::number,
                DocumentVersion::fileName).containsExactly(org.assertj.core.groups.Tuple.tuple(2,
                "agreement-signed.pdf"), org.assertj.core.groups.Tuple.tuple(1, "agreement-v1.pdf"));

        long seen = asManager(() -> documents.get(created.id())).version();
        ClientDocument ready = asManager(() -> documents.markFinal(created.id(), v2.id(), seen));
        assertThat(ready.status()).isEqualTo(DocumentStatus.READY);
        assertThat(ready.finalVersion()).isEqualTo(2);
        assertThat(asManager(() -> documents.counts(client.id()))).isEqualTo(new DocumentCounts(1, 0, 0));
        assertThat(asManager(() -> documents.keyDocuments(client.id())).states())
                .containsEntry(DocumentType.CONTRACT, KeyDocuments.State.FINAL);

        String link = asManager(() -> documents.downloadLink(v2.id()));
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.body()).isEqualTo(signed);
    }

    @Test
    void readyNeedsAFinalVersionAndAStaleScreenChangesNothing() {
        ClientDocument invoice = asManager(() -> documents.create(client.id(), "Invoice 2026-114",
                DocumentType.INVOICE, "invoice.pdf", file(pdf("Invoice"))));

        assertThatThrownBy(() -> asManager(() -> documents.setStatus(invoice.id(), DocumentStatus.READY,
                invoice.version()))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(
                        e.problems()).extracting(FieldProblem::messageKey)
                .containsExactly("document.error.ready-needs-final"));

        ClientDocument pending = asManager(() -> documents.setStatus(invoice.id(), DocumentStatus.PENDING,
                invoice.version()));
        assertThat(asManager(() -> documents.counts(client.id()))).isEqualTo(new DocumentCounts(0, 1, 0));
        // a second tab still holds the first state
        assertThatThrownBy(() -> asManager(() -> documents.setStatus(invoice.id(), DocumentStatus.DRAFT,
                invoice.version()))).isInstanceOf(StaleDataException.class);
        assertThat(asManager(() -> documents.get(invoice.id())).status()).isEqualTo(pending.status());
    }

    @Test
    void aRefusedVersionOrTitleStoresNothing() {
        ClientDocument act = asManager(() -> documents.create(client.id(), "Acceptance act March",
                DocumentType.ACT, "act.pdf", file(pdf("Act"))));
        byte[] program = new byte[64];
        program[0] = 'M';
        program[1] = 'Z';

        assertThatThrownBy(() -> asManager(() -> documents.addVersion(act.id(), "act-v2.pdf", file(program), null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("file.error.program"));
        assertThat(asManager(() -> documents.versions(act.id()))).hasSize(1);

        assertThatThrownBy(() -> asManager(() -> documents.create(client.id(), " ", null, "x.pdf",
                file(pdf("x"))))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("title", "type"));
        assertThat(asManager(() -> documents.countForClient(client.id()))).isEqualTo(1);
    }

    @Test
    void whenTheDatabaseRefusesAVersionNeitherRowNorObjectIsLeft() throws Exception {
        ClientDocument kept = asManager(() -> documents.create(client.id(), "Service agreement",
                DocumentType.CONTRACT, "agreement.pdf", file(pdf("Agreement"))));
        jdbc.execute("""
                create or replace function refuse_test_version() returns trigger language plpgsql as $$
                begin raise exception 'refused by the database for this test'; end $$""");
        jdbc.execute("create trigger refuse_test_version before insert on document_version for each row"
                + " when (new.file_name = 'refused-by-database.pdf') execute function refuse_test_version()");
        try {
            assertThatThrownBy(() -> asManager(() -> documents.create(client.id(), "Refused contract",
                    DocumentType.CONTRACT, "refused-by-database.pdf", file(pdf("Refused")))))
                    .hasStackTraceContaining("refused by the database for this test");
            assertThatThrownBy(() -> asManager(() -> documents.addVersion(kept.id(), "refused-by-database.pdf",
                    file(pdf("Refused v2")), null))).hasStackTraceContaining("refused by the database for this test");
        } finally {
            jdbc.execute("drop trigger refuse_test_version on document_version");
        }
        assertThat(asManager(() -> documents.countForClient(client.id()))).as("no half-created document").isEqualTo(1);
        assertThat(asManager(() -> documents.versions(kept.id()))).hasSize(1);
        List<String> keys = new ArrayList<>();
        for (var item : minio.listObjects(io.minio.ListObjectsArgs.builder().bucket(storage.bucket())
                .prefix("clients/" + client.id() + "/").recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        assertThat(keys).as("only the first document's object remains").hasSize(1);
    }

    @Test
    void aMemberCannotReachDocumentsOfAClientOutsideTheirWorkGroup() {
        ClientDocument doc = asManager(() -> documents.create(client.id(), "Board minutes", DocumentType.OTHER,
                "minutes.pdf", file(pdf("Minutes"))));
        DocumentVersion v1 = asManager(() -> documents.versions(doc.id())).get(0);

        assertThatThrownBy(() -> asMember(() -> documents.forClient(client.id())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> documents.downloadLink(v1.id()))).isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> documents.markFinal(doc.id(), v1.id(), doc.version())))
                .isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> documents.get(doc.id())).status()).isEqualTo(DocumentStatus.DRAFT);
    }

    @Test
    void whileTheScannerIsDownAVersionWaitsInQuarantineAndLeavesNothingUntilAScanReleasesIt() throws Exception {
        ClientDocument contract = asManager(() -> documents.create(client.id(), "Engagement letter",
                DocumentType.CONTRACT, "letter-v1.pdf", file(pdf("Engagement letter"))));
        byte[] eicar = io.clientspace.devservices.ClamdService.EICAR.getBytes(StandardCharsets.US_ASCII);
        var clamd = io.clientspace.devservices.DevServices.clamd();
        DocumentVersion waiting;
        ClientDocument infectedOnly;
        clamd.stop();
        try {
            waiting = asManager(() -> documents.addVersion(contract.id(), "letter-signed.pdf",
                    file(pdf("Engagement letter, signed")), "Signed"));
            asManager(() -> documents.addVersion(contract.id(), "letter-notes.txt", file(eicar), null));
            infectedOnly = asManager(() -> documents.create(client.id(), "Invoice 12", DocumentType.INVOICE,
                    "invoice.txt", file(eicar)));
            assertThat(waiting.awaitingScan()).as("no scanner, no verdict: it waits").isTrue();
            assertThat(asManager(() -> documents.versions(contract.id())))
                    .extracting(DocumentVersion::number, DocumentVersion::awaitingScan)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, true),
                            org.assertj.core.groups.Tuple.tuple(2, true),
                            org.assertj.core.groups.Tuple.tuple(1, false));

            long seen = asManager(() -> documents.get(contract.id())).version();
            for (var refused : List.<Runnable>of(
                    () -> asManager(() -> documents.downloadLink(waiting.id())),
                    () -> asManager(() -> documents.markFinal(contract.id(), waiting.id(), seen)),
                    () -> asManager(() -> documents.versionForAcceptance(waiting.id())))) {
                assertThatThrownBy(refused::run).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).containsExactly(
                                FieldProblem.of("version", "document.error.awaiting-scan", "letter-signed.pdf")));
            }
            documents.releaseQuarantined();
            assertThat(asManager(() -> documents.versions(contract.id()))).as("still down: still waiting")
                    .filteredOn(DocumentVersion::awaitingScan).hasSize(2);
        } finally {
            clamd.restart();
        }

        // the scheduled release may get there first; either way each version is scanned once
        documents.releaseQuarantined();

        assertThat(asManager(() -> documents.versions(contract.id())))
                .extracting(DocumentVersion::fileName, DocumentVersion::awaitingScan)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("letter-signed.pdf", false),
                        org.assertj.core.groups.Tuple.tuple("letter-v1.pdf", false));
        assertThat(asManager(() -> documents.downloadLink(waiting.id()))).contains("X-Amz-Expires");
        long seen = asManager(() -> documents.get(contract.id())).version();
        assertThat(asManager(() -> documents.markFinal(contract.id(), waiting.id(), seen)).status())
                .isEqualTo(DocumentStatus.READY);
        assertThat(jdbc.queryForObject("select count(*) from document where id = ?", Long.class, infectedOnly.id()))
                .as("a document whose only version was infected is gone").isZero();
        assertThat(objects()).as("nothing of the infected uploads is left in storage")
                .noneMatch(key -> key.contains(infectedOnly.id().toString()))
                .filteredOn(key -> key.contains(contract.id().toString())).hasSize(2);
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private Path file(byte[] bytes) {
        try {
            return Files.write(Files.createTempFile(dir, "doc", ".bin"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> objects() throws Exception {
        List<String> keys = new ArrayList<>();
        for (var item : minio.listObjects(io.minio.ListObjectsArgs.builder().bucket(storage.bucket())
                .prefix("clients/" + client.id() + "/").recursive(true).build())) {
            keys.add(item.get().objectName());
        }
        return keys;
    }
}
