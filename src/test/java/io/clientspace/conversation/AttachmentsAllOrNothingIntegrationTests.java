package io.clientspace.conversation;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.devservices.ClamdService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.file.FileService;
import io.clientspace.file.StorageProperties;
import io.clientspace.portal.PortalTestData;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.WorkScope;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.TestFiles;
import io.minio.MinioClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A message with several files is stored whole or not at all, against the real clamd, PostgreSQL and S3-compatible
 * storage: when the virus scanner refuses the second file, the first is not left behind as a workspace file without
 * its message (staff chat, the portal's Messages, a mail reply), and when the save fails after the objects were
 * written, rows and objects are gone again.
 */
@ClientspaceIntegrationTest
class AttachmentsAllOrNothingIntegrationTests {

    @Autowired
    ChatService chat;
    @Autowired
    MailService mail;
    @Autowired
    MailTestData mails;
    @Autowired
    FileService files;
    @Autowired
    PortalTestData data;
    @Autowired
    PortalAccessPolicy portalAccess;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MinioClient minio;
    @Autowired
    StorageProperties storage;

    @TempDir
    Path dir;

    PortalTestData.World a;
    String marker;
    Path good;
    Path infected;
    long rowsBefore;
    List<String> objectsBefore;

    @BeforeEach
    void world() throws Exception {
        marker = UUID.randomUUID().toString().substring(0, 6);
        a = data.world("whole-" + marker);
        good = TestFiles.write(dir, TestFiles.pdf("brief " + marker));
        infected = Files.write(dir.resolve("notes.txt"), ("Notes\n" + ClamdService.EICAR + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        rowsBefore = rows();
        objectsBefore = objects();
        assertThat(objectsBefore).as("the world's own files are in storage").isNotEmpty();
    }

    long rows() {
        return jdbc.queryForObject("select count(*) from stored_file where client_id = ?", Long.class,
                a.client().id());
    }

    List<String> objects() {
        return TestFiles.objectsUnder(minio, storage.bucket(), "clients/" + a.client().id() + "/");
    }

    List<ChatDraft.Upload> goodThenInfected() {
        return List.of(new ChatDraft.Upload("brief.pdf", good), new ChatDraft.Upload("notes.txt", infected));
    }

    void nothingWasStored() {
        assertThat(rows()).as("no file row").isEqualTo(rowsBefore);
        assertThat(objects()).as("no object in storage").containsExactlyInAnyOrderElementsOf(objectsBefore);
    }

    static void refusedAsInfected(InvalidInputException e) {
        assertThat(e.problems()).containsExactly(FieldProblem.of("attachment", "file.error.infected", "notes.txt"));
    }

    @Test
    void aColleaguesMessageWithAGoodAndAnInfectedFileLeavesNoFileAndNoMessage() {
        UUID channel = asManager(() -> chat.channels(a.project().scope())).stream()
                .filter(c -> c.kind() == ChannelKind.CLIENT).findFirst().orElseThrow().id();
        int messagesBefore = asManager(() -> chat.history(channel, null)).messages().size();

        assertThatThrownBy(() -> asManager(() -> chat.post(channel, new ChatDraft("Brief and notes " + marker, null,
                goodThenInfected())))).isInstanceOfSatisfying(InvalidInputException.class,
                AttachmentsAllOrNothingIntegrationTests::refusedAsInfected);

        nothingWasStored();
        assertThat(asManager(() -> chat.history(channel, null)).messages()).hasSize(messagesBefore);

        // the same message without the infected file goes out with its one file
        ChatMessage sent = asManager(() -> chat.post(channel, new ChatDraft("Brief " + marker, null,
                List.of(new ChatDraft.Upload("brief.pdf", good)))));
        assertThat(sent.attachments()).extracting(ChatAttachment::name).containsExactly("brief.pdf");
        assertThat(rows()).isEqualTo(rowsBefore + 1);
        assertThat(objects()).hasSize(objectsBefore.size() + 1);
    }

    @Test
    void aCustomersMessageInThePortalWithAGoodAndAnInfectedFileLeavesNoFileAndNoMessage() {
        Supplier<CustomerScope> viewer = () -> portalAccess.current().orElseThrow();
        CustomerScope scope = asCustomer(a.username(), a.client().id(), viewer);
        UUID channel = asCustomer(a.username(), a.client().id(), () -> chat.customerChannels(scope)).get(0).id();
        int messagesBefore = asCustomer(a.username(), a.client().id(),
                () -> chat.customerHistory(scope, channel, null)).messages().size();

        assertThatThrownBy(() -> asCustomer(a.username(), a.client().id(), () -> chat.customerPost(scope, channel,
                "Brief and notes " + marker, null, goodThenInfected())))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        AttachmentsAllOrNothingIntegrationTests::refusedAsInfected);

        nothingWasStored();
        assertThat(asCustomer(a.username(), a.client().id(), () -> chat.customerHistory(scope, channel, null))
                .messages()).hasSize(messagesBefore);
    }

    @Test
    void aMailReplyWithAGoodAndAnInfectedFileLeavesNoFileAndNoMail() throws Exception {
        WorkScope scope = WorkScope.client(a.client().id());
        String to = asManager(() -> mail.address(scope)).address();
        mails.deliver("anna-" + marker + "@kunde.example", "Anna", to, "Plan " + marker, "Where is the plan?");
        UUID thread = asManager(() -> mail.threads(scope)).get(0).id();
        int messagesBefore = asManager(() -> mail.thread(thread)).messages().size();

        assertThatThrownBy(() -> asManager(() -> mail.send(thread, new MailDraft(MailDraft.Mode.REPLY, null,
                "Here it is.", goodThenInfected())))).isInstanceOfSatisfying(InvalidInputException.class,
                AttachmentsAllOrNothingIntegrationTests::refusedAsInfected);

        nothingWasStored();
        assertThat(asManager(() -> mail.thread(thread)).messages()).hasSize(messagesBefore);
    }

    @Test
    void whenTheSaveFailsAfterTheFilesWereWrittenTheirRowsAndObjectsAreRemoved() {
        Path second = TestFiles.write(dir, TestFiles.pdf("second " + marker));
        assertThatThrownBy(() -> asManager(() -> files.uploadAll(a.project().scope(),
                List.of(new FileService.Incoming("brief.pdf", good), new FileService.Incoming("second.pdf", second)),
                stored -> {
                    assertThat(stored).hasSize(2);
                    assertThat(objects()).as("both were written").hasSize(objectsBefore.size() + 2);
                    throw new IllegalStateException("the message could not be saved");
                }))).isInstanceOf(IllegalStateException.class).hasMessage("the message could not be saved");

        nothingWasStored();
    }
}
