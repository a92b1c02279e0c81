package io.clientspace.portal;

import io.clientspace.conversation.ProjectConversationService;
import io.clientspace.conversation.ProjectComment;
import io.clientspace.extranet.CustomerDownloads;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.ContactPolicy;
import io.clientspace.extranet.PortalSection;

import io.clientspace.document.DocumentService;
import io.clientspace.document.SharedDocument;
import io.clientspace.extranet.ExternalAccessService;
import io.clientspace.file.FileService;
import io.clientspace.file.SharedDownload;
import io.clientspace.file.SharedFile;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharedProject;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.task.CustomerTask;
import io.clientspace.task.ProjectHours;
import io.clientspace.task.WorkTaskService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything the customer portal shows, and the only thing portal pages call. It owns no data: it composes the
 * modules' customer reads, each of which filters by the client and by the sharing flags itself, for a
 * {@link CustomerScope} that {@link PortalAccessPolicy} made and verifies. Anything of another client answers
 * NotFound, whatever it is, so nobody learns what exists.
 */
@Service
public class PortalService {

    private final PortalAccessPolicy policy;
    private final ExternalAccessService externalAccess;
    private final ProjectService projects;
    private final FileService files;
    private final DocumentService documents;
    private final WorkTaskService tasks;
    private final ProjectConversationService conversation;
    private final CustomerDownloads downloads;

    PortalService(PortalAccessPolicy policy, ExternalAccessService externalAccess, ProjectService projects,
                  FileService files, DocumentService documents, WorkTaskService tasks,
                  ProjectConversationService conversation, CustomerDownloads downloads) {
        this.policy = policy;
        this.externalAccess = externalAccess;
        this.projects = projects;
        this.files = files;
        this.documents = documents;
        this.tasks = tasks;
        this.conversation = conversation;
        this.downloads = downloads;
    }

    // ------------------------------------------------------------------------------------------------ who looks

    /**
     * The signed-in customer's scope; empty when their portal account is not active, in which case the portal shows
     * nothing. See {@link PortalAccessPolicy#current}.
     */
    public Optional<CustomerScope> current() {
        return policy.current();
    }

    /** "View as client", read-only, for a manager or admin; see {@link PortalAccessPolicy#asContact}. */
    public CustomerScope asContact(UUID accountId) {
        return policy.asContact(accountId);
    }

    // ------------------------------------------------------------------------------------------------ the pages

    /** The client's shared projects, by name, each with how many documents it shows. */
    @Transactional(readOnly = true)
    public List<PortalProject> projects(CustomerScope viewer) {
        policy.verify(viewer, PortalSection.PROJECTS);
        List<SharedProject> shared = visibleProjects(viewer);
        Map<UUID, Long> counts = allDocuments(viewer, shared).stream()
                .filter(d -> d.projectId() != null)
                .collect(Collectors.groupingBy(PortalDocument::projectId, Collectors.counting()));
        return shared.stream().map(p -> new PortalProject(p.id(), p.name(), p.description(),
                counts.getOrDefault(p.id(), 0L).intValue())).toList();
    }

    /**
     * One shared project: its summary and documents.
     *
     * @throws NotFoundException when the project is not the client's or not shared
     */
    @Transactional(readOnly = true)
    public PortalProjectDetail project(CustomerScope viewer, UUID projectId) {
        policy.verify(viewer, PortalSection.PROJECTS, projectId);
        SharedProject p = projects.sharedProject(viewer.clientId(), projectId);
        List<PortalDocument> docs = projectDocuments(viewer.clientId(), p);
        ProjectHours hours = tasks.hoursForCustomer(viewer.clientId(), projectId);
        Instant last = Stream.concat(docs.stream().map(PortalDocument::uploadedAt),
                        conversation.customerThread(viewer, projectId).stream().map(ProjectComment::createdAt))
                .max(Comparator.naturalOrder()).orElse(null);
        return new PortalProjectDetail(p.id(), p.name(), p.description(), p.tasksVisible(), hours.totalMinutes(),
                hours.billableMinutes(), last, docs, p.outcome());
    }

    /**
     * The tasks of a shared project that shows them.
     *
     * @throws NotFoundException when the project is not the client's, not shared or does not show its tasks
     */
    @Transactional(readOnly = true)
    public List<CustomerTask> tasks(CustomerScope viewer, UUID projectId) {
        policy.verify(viewer, PortalSection.PROJECTS, projectId);
        return tasks.visibleToCustomer(viewer.clientId(), projectId);
    }

    /** Every shared document and file of the client, newest first, across its shared projects. */
    @Transactional(readOnly = true)
    public List<PortalDocument> documents(CustomerScope viewer) {
        policy.verify(viewer, PortalSection.DOCUMENTS);
        return allDocuments(viewer, visibleProjects(viewer));
    }

    /** Whether the viewer's contact sees this portal section (their policy); see {@link PortalAccessPolicy#sees}. */
    @Transactional(readOnly = true)
    public boolean sees(CustomerScope viewer, PortalSection section) {
        return policy.sees(viewer, section);
    }

    /** The viewer's contact's role as it is now. */
    @Transactional(readOnly = true)
    public io.clientspace.extranet.PortalRole role(CustomerScope viewer) {
        check(viewer);
        return externalAccess.identityForPortalCheck(viewer.accountId()).orElseThrow().role();
    }

    /**
     * Whether the viewer's contact may accept or decline proposals and acceptances (decision makers and approvers);
     * what the pages ask before they show those buttons. The services refuse the others.
     */
    @Transactional(readOnly = true)
    public boolean mayDecide(CustomerScope viewer) {
        return policy.mayDecide(viewer);
    }

    @Transactional(readOnly = true)
    public PortalProfile profile(CustomerScope viewer) {
        check(viewer);
        return new PortalProfile(viewer.displayName(), viewer.email(), viewer.clientName(),
                externalAccess.identityForPortalCheck(viewer.accountId()).map(i -> i.role().name()).orElse(null));
    }

    /**
     * A link (valid for at most 5 minutes) that downloads a shared file or document. A customer's download is
     * recorded (who, what, when); a manager's "view as client" download is not, as it is not the customer's.
     *
     * @throws NotFoundException when it is not the client's or not shared
     */
    @Transactional
    public String download(CustomerScope viewer, PortalDocument.Kind kind, UUID id) {
        check(viewer);
        if (!policy.sees(viewer, PortalSection.DOCUMENTS) && !policy.sees(viewer, PortalSection.PROJECTS)) {
            policy.verify(viewer, PortalSection.DOCUMENTS); // refuses, saying so
        }
        SharedDownload d;
        if (kind == PortalDocument.Kind.FILE) {
            d = files.customerDownload(viewer.clientId(), id);
        } else if (policy.seesInvoicesAndActs(viewer) && documents.invoicesAndActsForCustomer(viewer.clientId())
                .stream().anyMatch(x -> x.id().equals(id))) {
            // a billing contact's invoice or act, shared or not (DD035); asked first, as a refusal inside this
            // transaction would roll it back
            d = documents.invoiceOrActDownload(viewer.clientId(), id);
        } else {
            d = documents.customerDownload(viewer.clientId(), id);
        }
        recordDownload(viewer, kind, id, d.title());
        return d.link();
    }

    /** Records a customer's download (who, what, when); a manager's "view as client" is not the customer's. */
    void recordDownload(CustomerScope viewer, PortalDocument.Kind kind, UUID id, String title) {
        downloads.record(viewer, kind == PortalDocument.Kind.FILE ? CustomerDownloads.Subject.FILE
                : CustomerDownloads.Subject.DOCUMENT, id, title);
    }

    // ----------------------------------------------------------------------------------------------- the thread

    /**
     * The thread of a shared project, oldest first; see {@link ProjectConversationService#customerThread}.
     *
     * @throws NotFoundException when the project is not the client's or not shared
     */
    public List<ProjectComment> comments(CustomerScope viewer, UUID projectId) {
        return conversation.customerThread(viewer, projectId);
    }

    /**
     * The customer writes in a shared project's thread; see {@link ProjectConversationService#post}.
     *
     * @throws InvalidInputException when the text breaks the rules or the rate limit; nothing is saved
     * @throws NoAccessException     for a manager viewing as the client: that view is read-only
     * @throws NotFoundException     when the project is not the client's or not shared
     */
    public ProjectComment comment(CustomerScope viewer, UUID projectId, String text) {
        return conversation.post(viewer, projectId, text);
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private List<PortalDocument> projectDocuments(UUID clientId, SharedProject p) {
        List<PortalDocument> result = new ArrayList<>();
        documents.sharedInProject(clientId, p.id()).forEach(d -> result.add(document(d, p.name())));
        files.sharedInProject(clientId, p.id()).forEach(f -> result.add(file(f, p.name())));
        result.sort(Comparator.comparing(PortalDocument::uploadedAt).reversed());
        return result;
    }

    /** The client's shared projects that the viewer's policy shows. */
    private List<SharedProject> visibleProjects(CustomerScope viewer) {
        ContactPolicy rules = policy.policyOf(viewer);
        return projects.sharedWithCustomer(viewer.clientId()).stream().filter(p -> rules.seesProject(p.id()))
                .toList();
    }

    /**
     * The shared documents and files on the client and in the projects the viewer sees; for a billing contact also
     * the client's invoices and acts (DD035).
     */
    private List<PortalDocument> allDocuments(CustomerScope viewer, List<SharedProject> shared) {
        UUID clientId = viewer.clientId();
        Map<UUID, String> names = shared.stream().collect(Collectors.toMap(SharedProject::id, SharedProject::name));
        Function<UUID, String> name = id -> id == null ? null : names.get(id);
        java.util.function.Predicate<UUID> visible = id -> id == null || names.containsKey(id);
        List<PortalDocument> result = new ArrayList<>();
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        documents.sharedForCustomer(clientId).stream().filter(d -> visible.test(d.projectId()))
                .forEach(d -> {
                    seen.add(d.id());
                    result.add(document(d, name.apply(d.projectId())));
                });
        if (policy.seesInvoicesAndActs(viewer)) {
            documents.invoicesAndActsForCustomer(clientId).stream()
                    .filter(d -> visible.test(d.projectId()) && seen.add(d.id()))
                    .forEach(d -> result.add(document(d, name.apply(d.projectId()))));
        }
        files.sharedForCustomer(clientId).stream().filter(f -> visible.test(f.projectId()))
                .forEach(f -> result.add(file(f, name.apply(f.projectId()))));
        result.sort(Comparator.comparing(PortalDocument::uploadedAt).reversed());
        return result;
    }

    private static PortalDocument document(SharedDocument d, String projectName) {
        return new PortalDocument(PortalDocument.Kind.DOCUMENT, d.id(), d.projectId(), projectName, d.title(),
                d.fileName(), d.sizeBytes(), d.uploadedAt());
    }

    private static PortalDocument file(SharedFile f, String projectName) {
        return new PortalDocument(PortalDocument.Kind.FILE, f.id(), f.projectId(), projectName, f.name(), f.name(),
                f.sizeBytes(), f.uploadedAt());
    }

    /** Checks the viewer again, once per request; see {@link PortalAccessPolicy#verify}. */
    void check(CustomerScope viewer) {
        policy.verify(viewer);
    }

    /**
     * For a customer's own action (accept, decline, answer, upload): {@link #check} and not a preview.
     *
     * @throws NoAccessException for a manager's read-only "view as client"
     */
    void checkActing(CustomerScope viewer) {
        policy.verifyActing(viewer);
    }
}
