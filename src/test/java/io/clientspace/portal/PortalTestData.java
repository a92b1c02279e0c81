package io.clientspace.portal;

import org.springframework.stereotype.Component;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.file.FileService;
import io.clientspace.file.StoredFile;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectDraft;
import io.clientspace.project.ProjectService;
import io.clientspace.project.ProjectStatus;
import io.clientspace.task.TaskDraft;
import io.clientspace.task.TaskPriority;
import io.clientspace.task.WorkTask;
import io.clientspace.task.WorkTaskService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client with what its portal should and should not show, made through the services as a manager: a shared project
 * (tasks visible) with a shared and an unshared document and file, an unshared project with a "shared" document,
 * and a portal account. Every name carries a marker, so a test can look for any of them in a page. A bean of the
 * test context, so tests just inject it.
 */
@Component
public final class PortalTestData {

    /** Everything one test client has; names all contain {@code marker}. */
    public record World(String marker, Client client, ClientProject project, ClientProject hiddenProject,
                        ClientDocument sharedDocument, ClientDocument unsharedDocument,
                        ClientDocument documentInHiddenProject, StoredFile sharedFile, StoredFile unsharedFile,
                        WorkTask task, UUID accountId, String username) {
    }

    private final ClientService clients;
    private final ProjectService projects;
    private final DocumentService documents;
    private final FileService files;
    private final WorkTaskService tasks;
    private final JdbcTemplate jdbc;

    public PortalTestData(ClientService clients, ProjectService projects, DocumentService documents,
                          FileService files, WorkTaskService tasks, JdbcTemplate jdbc) {
        this.clients = clients;
        this.projects = projects;
        this.documents = documents;
        this.files = files;
        this.tasks = tasks;
        this.jdbc = jdbc;
    }

    /** A world with a portal account that exists only in our table (service tests need no Keycloak identity). */
    public World world(String marker) {
        String username = "portal-" + UUID.randomUUID().toString().substring(0, 8);
        return world(marker, username, username + "@example.org", "Test Customer " + marker);
    }

    /**
     * A world whose portal account is the given identity; with a null {@code username}, a world without an account
     * (browser tests grant one through ExternalAccessService, which binds the Keycloak identity).
     */
    public World world(String marker, String username, String email, String displayName) {
        return asManager(() -> {
            var draft = ClientTestData.company("manager");
            draft.setName("Company " + marker + " " + UUID.randomUUID().toString().substring(0, 6));
            Client client = clients.create(draft, false);
            ClientProject project = projects.create(client.id(), project("Project " + marker));
            project = projects.setSharing(project.id(), true, true);
            ClientProject hidden = projects.create(client.id(), project("Hidden project " + marker));
            ClientDocument shared = documents.create(project.scope(), "Shared contract " + marker,
                    DocumentType.CONTRACT, "contract-" + marker + ".pdf", pdf(marker));
            documents.setShared(shared.id(), true);
            ClientDocument unshared = documents.create(project.scope(), "Internal calculation " + marker,
                    DocumentType.OTHER, "calc-" + marker + ".pdf", pdf(marker));
            ClientDocument inHidden = documents.create(hidden.scope(), "Hidden contract " + marker,
                    DocumentType.CONTRACT, "hidden-" + marker + ".pdf", pdf(marker));
            documents.setShared(inHidden.id(), true);
            StoredFile sharedFile = files.upload(project.scope(), "shared-plan-" + marker + ".pdf", pdf(marker));
            files.setShared(sharedFile.id(), true);
            StoredFile unsharedFile = files.upload(project.scope(), "internal-notes-" + marker + ".pdf", pdf(marker));
            TaskDraft t = new TaskDraft();
            t.setTitle("Task " + marker);
            t.setAssignee("manager");
            t.setPriority(TaskPriority.NORMAL);
            WorkTask task = tasks.create(project.scope(), t);
            UUID account = username == null ? null : UUID.randomUUID();
            if (account != null) {
                jdbc.update("""
                        insert into portal_account (id, client_id, username, email, display_name, status, granted_by,
                                                    granted_at, role)
                        values (?, ?, ?, ?, ?, 'ACTIVE', 'manager', ?, 'APPROVER')""",
                        account, client.id(), username, email, displayName, Timestamp.from(Instant.now()));
            }
            return new World(marker, client, project, hidden, documents.get(shared.id()), unshared,
                    documents.get(inHidden.id()), sharedFile, unsharedFile, task, account, username);
        });
    }

    private static ProjectDraft project(String name) {
        ProjectDraft d = new ProjectDraft();
        d.setName(name);
        d.setDescription("About " + name);
        d.setStatus(ProjectStatus.ACTIVE);
        d.setOwner("manager");
        return d;
    }

    public static Path pdf(String text) {
        try {
            Path file = Files.createTempFile("portal-test", ".pdf");
            file.toFile().deleteOnExit();
            return Files.write(file, ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\n"
                    + "trailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
