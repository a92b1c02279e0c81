package io.clientspace.document;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.file.FilePreview;
import io.clientspace.file.StorageProperties;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.TestFiles;
import io.clientspace.timeline.TimelineEntry;
import io.clientspace.timeline.TimelineService;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rename, retype, delete a draft, archive what must be kept, and preview in the app (issue 17). */
@ClientspaceIntegrationTest
class DocumentLifecycleIntegrationTests {

    @Autowired
    DocumentService documents;
    @Autowired
    ClientService clients;
    @Autowired
    AcceptanceService acceptances;
    @Autowired
    PortalTestData portal;
    @Autowired
    TimelineService timeline;
    @Autowired
    io.minio.MinioClient minio;
    @Autowired
    StorageProperties storage;
    @Autowired
    JdbcTemplate jdbc;
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
    void renameAndRetypeRefuseABlankTitleAndAStaleScreenAndShowOnTheTimeline() {
        ClientDocument doc = create("Draft agreement", DocumentType.OTHER);

        assertThatThrownBy(() -> asManager(() -> documents.update(doc.id(), "  ", DocumentType.CONTRACT,
                doc.version()))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                .extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("title", "document.error.title-required")));
        assertThat(asManager(() -> documents.get(doc.id())).title()).as("nothing half-saved")
                .isEqualTo("Draft agreement");

        ClientDocument renamed = asManager(() -> documents.update(doc.id(), " Service agreement 2027 ",
                DocumentType.CONTRACT, doc.version()));
        assertThat(renamed.title()).isEqualTo("Service agreement 2027");
        assertThat(renamed.type()).isEqualTo(DocumentType.CONTRACT);
        assertThat(renamed.latestVersion()).as("versions untouched").isEqualTo(1);
        assertThat(asManager(() -> documents.keyDocuments(client.id())).states())
                .containsEntry(DocumentType.CONTRACT, KeyDocuments.State.IN_PROGRESS);

        // a second tab still shows the old title
        assertThatThrownBy(() -> asManager(() -> documents.update(doc.id(), "Other title", DocumentType.INVOICE,
                doc.version()))).isInstanceOf(StaleDataException.class);
        assertThat(asManager(() -> documents.get(doc.id())).title()).isEqualTo("Service agreement 2027");

        List<TimelineEntry> entries = asManager(() -> timeline.forClient(client.id(), 0));
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo("DOCUMENT_RENAMED");
            assertThat(e.subjectTitle()).isEqualTo("Service agreement 2027");
            assertThat(e.detail()).isEqualTo("Draft agreement");
        });
    }

    @Test
    void deletingADraftRemovesItsRowsAndEveryObjectInStorage() {
        ClientDocument kept = create("Kept contract", DocumentType.CONTRACT);
        ClientDocument draft = create("Draft offer", DocumentType.OTHER);
        asManager(() -> documents.addVersion(draft.id(), "offer-v2.pdf", file(pdf("Offer v2")), null));
        assertThat(objectsOf(client)).hasSize(3);
        long seen = asManager(() -> documents.get(draft.id())).version();
        assertThat(asManager(() -> documents.canDelete(draft.id()))).isTrue();

        assertThatThrownBy(() -> asManager(() -> documents.delete(draft.id(), seen - 1)))
                .as("a stale screen deletes nothing").isInstanceOf(StaleDataException.class);
        asManager(() -> documents.delete(draft.id(), seen));

        assertThat(jdbc.queryForObject("select count(*) from document where id = ?", Long.class, draft.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from document_version where document_id = ?", Long.class,
                draft.id())).isZero();
        assertThat(objectsOf(client)).as("only the kept document's object is left")
                .containsExactly("clients/" + client.id() + "/documents/" + kept.id() + "/"
                        + asManager(() -> documents.versions(kept.id())).get(0).id());
        assertThatThrownBy(() -> asManager(() -> documents.get(draft.id()))).isInstanceOf(NotFoundException.class);
        assertThat(asManager(() -> timeline.forClient(client.id(), 0))).extracting(TimelineEntry::kind)
                .contains("DOCUMENT_DELETED");
    }

    @Test
    void aDocumentWithAFinalVersionCanOnlyBeArchivedAndComesBackWhole() {
        ClientDocument contract = create("Framework contract", DocumentType.CONTRACT);
        DocumentVersion v1 = asManager(() -> documents.versions(contract.id())).get(0);
        ClientDocument ready = asManager(() -> documents.markFinal(contract.id(), v1.id(), contract.version()));

        assertThat(asManager(() -> documents.canDelete(contract.id()))).isFalse();
        assertThatThrownBy(() -> asManager(() -> documents.delete(contract.id(), ready.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("document.error.delete-not-draft"));
        assertThat(objectsOf(client)).hasSize(1);

        ClientDocument archived = asManager(() -> documents.archive(contract.id(), ready.version()));
        assertThat(archived.archived()).isTrue();
        assertThat(archived.archivedByName()).isNotBlank();
        assertThat(asManager(() -> documents.forClient(client.id()))).isEmpty();
        assertThat(asManager(() -> documents.countForClient(client.id()))).isZero();
        assertThat(asManager(() -> documents.counts(client.id()))).isEqualTo(new DocumentCounts(0, 0, 0));
        assertThat(asManager(() -> documents.keyDocuments(client.id())).states())
                .containsEntry(DocumentType.CONTRACT, KeyDocuments.State.MISSING);
        assertThat(asManager(() -> documents.archivedIn(io.clientspace.shared.WorkScope.client(client.id()))))
                .extracting(ClientDocument::id).containsExactly(contract.id());
        assertThat(asManager(() -> documents.versions(contract.id()))).as("still readable").hasSize(1);

        ClientDocument back = asManager(() -> documents.unarchive(contract.id(), archived.version()));
        assertThat(back.archived()).isFalse();
        assertThat(back.status()).isEqualTo(DocumentStatus.READY);
        assertThat(back.finalVersion()).isEqualTo(1);
        assertThat(asManager(() -> documents.keyDocuments(client.id())).states())
                .containsEntry(DocumentType.CONTRACT, KeyDocuments.State.FINAL);
    }

    @Test
    void aDraftSentForAcceptanceIsKeptAsTheAcceptancesRecord() {
        PortalTestData.World world = portal.world("docdelete");
        ClientDocument shared = world.sharedDocument();
        DocumentVersion version = asManager(() -> documents.versions(shared.id())).get(0);
        asManager(() -> acceptances.send(version.id(),
                clock.instant().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS)));
        ClientDocument current = asManager(() -> documents.get(shared.id()));
        assertThat(current.draft()).as("a draft by itself; the acceptance is what keeps it").isTrue();

        assertThat(asManager(() -> documents.canDelete(shared.id()))).isFalse();
        assertThatThrownBy(() -> asManager(() -> documents.delete(shared.id(), current.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::messageKey).containsExactly("document.error.delete-has-record"));
        assertThat(asManager(() -> documents.get(shared.id()))).isNotNull();
        assertThat(asManager(() -> documents.archive(shared.id(), current.version())).archived()).isTrue();
    }

    @Test
    void aMemberOutsideTheWorkGroupCanNeitherEditNorDeleteNorArchiveNorPreview() {
        ClientDocument doc = create("Board minutes", DocumentType.OTHER);
        DocumentVersion v1 = asManager(() -> documents.versions(doc.id())).get(0);

        assertThatThrownBy(() -> asMember(() -> documents.update(doc.id(), "Mine", DocumentType.ACT, doc.version())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> documents.delete(doc.id(), doc.version())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> documents.archive(doc.id(), doc.version())))
                .isInstanceOf(NoAccessException.class);
        assertThatThrownBy(() -> asMember(() -> documents.preview(v1.id()))).isInstanceOf(NoAccessException.class);
        assertThat(asManager(() -> documents.get(doc.id())).title()).isEqualTo("Board minutes");
        assertThat(objectsOf(client)).hasSize(1);
    }

    @Test
    void aPdfPreviewsInlineAndAnyOtherTypeOnlyDownloads() {
        ClientDocument pdf = create("Agreement", DocumentType.CONTRACT);
        DocumentVersion pdfVersion = asManager(() -> documents.versions(pdf.id())).get(0);
        ClientDocument csv = asManager(() -> documents.create(client.id(), "Price list", DocumentType.OTHER,
                "prices.csv", file("item,price\nhour,120\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        DocumentVersion csvVersion = asManager(() -> documents.versions(csv.id())).get(0);

        FilePreview inline = asManager(() -> documents.preview(pdfVersion.id()));
        assertThat(inline.inline()).isTrue();
        HttpResponse<byte[]> shown = TestFiles.get(inline.link());
        assertThat(shown.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).startsWith("inline"));
        assertThat(shown.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(shown.body()).isEqualTo(pdf("Agreement"));

        FilePreview other = asManager(() -> documents.preview(csvVersion.id()));
        assertThat(other.inline()).isFalse();
        assertThat(TestFiles.get(other.link()).headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).startsWith("attachment"));
    }

    private ClientDocument create(String title, DocumentType type) {
        return asManager(() -> documents.create(client.id(), title, type, "file.pdf", file(pdf(title))));
    }

    private List<String> objectsOf(Client c) {
        return TestFiles.objectsUnder(minio, storage.bucket(), "clients/" + c.id() + "/");
    }

    private static byte[] pdf(String text) {
        return TestFiles.pdf(text);
    }

    private Path file(byte[] bytes) {
        return TestFiles.write(dir, bytes);
    }
}
