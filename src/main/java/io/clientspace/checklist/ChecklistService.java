package io.clientspace.checklist;

import static io.clientspace.shared.Texts.clean;

import io.clientspace.checklist.domain.ChecklistStore;
import io.clientspace.checklist.domain.ChecklistStore.ItemRow;
import io.clientspace.checklist.domain.ChecklistStore.RequirementRow;
import io.clientspace.client.ClientKind;
import io.clientspace.client.ClientRef;
import io.clientspace.client.ClientService;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentService.FinalDocument;
import io.clientspace.document.DocumentType;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestChanged;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestDraft;
import io.clientspace.inforequest.RequestFileAccepted;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import io.clientspace.shared.WorkScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Required documents (DD028). The firm's catalogue of requirements and its checklist templates are kept by managers
 * and admins. A workspace (a client, or one of its projects) gets its items from the templates that match the client,
 * materialised on read; a manager of the workspace adds or removes items. An item's state is derived on every read
 * from the documents in the workspace and the request that asks for it. Whoever may open the workspace sees its list.
 */
@Service
public class ChecklistService {

    private final ChecklistStore store;
    private final ClientService clients;
    private final ProjectService projects;
    private final DocumentService documents;
    private final InformationRequestService requests;
    private final CurrentUserProvider currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChecklistService(ChecklistStore store, ClientService clients, ProjectService projects, DocumentService documents,
                     InformationRequestService requests, CurrentUserProvider currentUser,
                     ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.clients = clients;
        this.projects = projects;
        this.documents = documents;
        this.requests = requests;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    // --------------------------------------------------------------------------------------------- catalogue

    /** Whether the current user may change the catalogue and the templates: managers and admins. */
    public boolean canManageCatalogue() {
        CurrentUser user = currentUser.requireStaff();
        return user.has(Roles.MANAGER) || user.has(Roles.ADMIN);
    }

    /** The firm's requirements by name; every staff member may read them (to add one to a workspace). */
    @Transactional(readOnly = true)
    public List<Requirement> requirements() {
        currentUser.requireStaff();
        return store.requirements().stream().map(ChecklistService::requirement).toList();
    }

    /**
     * Adds a requirement ({@code id} null) or changes one.
     *
     * @throws InvalidInputException when a field is wrong (a renewal that is no ISO-8601 period, a name taken)
     * @throws StaleDataException    when someone changed it since {@code seenVersion}
     */
    @Transactional
    public Requirement saveRequirement(UUID id, long seenVersion, RequirementDraft draft) {
        requireCatalogueManager();
        List<FieldProblem> problems = new ArrayList<>(ChecklistRules.check(draft));
        String name = clean(draft.name());
        if (problems.isEmpty() && store.requirementNameTaken(name, id)) {
            problems.add(FieldProblem.of("name", "checklist.error.name-taken", name));
        }
        InvalidInputException.throwIfAny(problems);
        String renewal = ChecklistRules.renewal(draft.renewEvery()).orElse(null);
        if (id == null) {
            UUID newId = UUID.randomUUID();
            store.insertRequirement(newId, name, draft.type().name(), renewal, draft.providedBy().name(),
                    clock.instant());
            return requirement(store.requirement(newId).orElseThrow());
        }
        store.requirement(id).orElseThrow(() -> new NotFoundException("Requirement"));
        if (!store.updateRequirement(id, seenVersion, name, draft.type().name(), renewal, draft.providedBy().name())) {
            throw new StaleDataException("Requirement");
        }
        return requirement(store.requirement(id).orElseThrow());
    }

    /** Deletes a requirement from the catalogue, its templates and every workspace's list. */
    @Transactional
    public void deleteRequirement(UUID id) {
        requireCatalogueManager();
        store.deleteRequirement(id);
    }

    /** The templates by name, each with its requirements. */
    @Transactional(readOnly = true)
    public List<ChecklistTemplate> templates() {
        currentUser.requireStaff();
        Map<UUID, Requirement> byId = store.requirements().stream().map(ChecklistService::requirement)
                .collect(Collectors.toMap(Requirement::id, Function.identity()));
        Map<UUID, List<UUID>> links = store.templateRequirements();
        return store.templates().stream().map(t -> new ChecklistTemplate(t.id(), t.name(),
                t.clientKind() == null ? null : ClientKind.valueOf(t.clientKind()), t.tag(),
                links.getOrDefault(t.id(), List.of()).stream().map(byId::get)
                        .sorted(Comparator.comparing(Requirement::name, String.CASE_INSENSITIVE_ORDER)).toList(),
                t.version())).toList();
    }

    /**
     * Adds a template ({@code id} null) or changes one.
     *
     * @throws InvalidInputException when it has no requirements, no name, a name taken, or an unknown requirement
     * @throws StaleDataException    when someone changed it since {@code seenVersion}
     */
    @Transactional
    public ChecklistTemplate saveTemplate(UUID id, long seenVersion, TemplateDraft draft) {
        requireCatalogueManager();
        List<FieldProblem> problems = new ArrayList<>(ChecklistRules.check(draft));
        String name = clean(draft.name());
        if (problems.isEmpty() && store.templateNameTaken(name, id)) {
            problems.add(FieldProblem.of("name", "checklist.error.name-taken", name));
        }
        if (problems.isEmpty() && draft.requirementIds().stream().anyMatch(r -> store.requirement(r).isEmpty())) {
            problems.add(FieldProblem.of("requirements", "checklist.error.requirement-gone"));
        }
        InvalidInputException.throwIfAny(problems);
        String tag = clean(draft.tag());
        String kind = draft.clientKind() == null ? null : draft.clientKind().name();
        UUID templateId = id;
        if (id == null) {
            templateId = UUID.randomUUID();
            store.insertTemplate(templateId, name, kind, tag, clock.instant());
        } else if (!store.updateTemplate(id, seenVersion, name, kind, tag)) {
            throw new StaleDataException("Template");
        }
        store.setTemplateRequirements(templateId, new LinkedHashSet<>(draft.requirementIds()));
        UUID saved = templateId;
        return templates().stream().filter(t -> t.id().equals(saved)).findFirst().orElseThrow();
    }

    /** Deletes a template; items it brought that nobody asked for and nothing provided leave the lists on next read. */
    @Transactional
    public void deleteTemplate(UUID id) {
        requireCatalogueManager();
        store.deleteTemplate(id);
    }

    // --------------------------------------------------------------------------------------------- workspace

    /**
     * The workspace's required documents by name, each with its state now. Brings the list up to date with the
     * templates first (DD028): a requirement of a matching template that the workspace lacks is added; an item that
     * came from a template that no longer matches leaves, unless a request asks for it or a document provided it.
     *
     * @throws NotFoundException when the client or project does not exist
     * @throws NoAccessException when the user may not open the workspace
     */
    @Transactional
    public List<ChecklistItem> items(WorkScope scope) {
        projects.requireAccess(scope);
        List<ItemRow> rows = materialise(scope);
        Map<UUID, Requirement> byId = store.requirements().stream().map(ChecklistService::requirement)
                .collect(Collectors.toMap(Requirement::id, Function.identity()));
        List<FinalDocument> finals = documents.finalDocuments(scope);
        Instant now = clock.instant();
        List<ChecklistItem> result = new ArrayList<>();
        for (ItemRow row : rows) {
            Requirement r = byId.get(row.requirementId());
            if (row.removedAt() != null || r == null) {
                continue;
            }
            Optional<FinalDocument> doc = satisfying(row, r, finals);
            Instant providedAt = doc.map(FinalDocument::finalSince).orElse(null);
            Instant renewBy = ChecklistRules.renewBy(providedAt, r.renewEvery(), clock.getZone());
            RequirementState state = ChecklistRules.state(doc.isPresent(), renewBy, row.requestItemId() != null, now);
            result.add(new ChecklistItem(row.id(), r.id(), r.name(), r.type(), r.providedBy(), r.renewEvery(),
                    "TEMPLATE".equals(row.source()), state,
                    state == RequirementState.REQUESTED ? row.requestId() : null,
                    doc.map(FinalDocument::documentId).orElse(null), doc.map(FinalDocument::title).orElse(null),
                    doc.map(FinalDocument::versionNumber).orElse(0), providedAt, renewBy));
        }
        result.sort(Comparator.comparing(ChecklistItem::name, String.CASE_INSENSITIVE_ORDER));
        return result;
    }

    /**
     * The workspace's required documents with their states, for the checklist's key-documents line and the
     * Documents tab. Unlike {@link #items} it writes nothing and sends a fixed number of set-based statements however
     * many documents the workspace holds: the list is worked out from the templates and the stored items as
     * materialising would leave it, and only the newest final document per type and per name (and the linked ones)
     * is read. Without any template or item for the workspace, contract, invoice and act stay the default.
     *
     * @throws NotFoundException when the client or project does not exist
     * @throws NoAccessException when the user may not open the workspace
     */
    @Transactional(readOnly = true)
    public RequiredDocuments requiredDocuments(WorkScope scope) {
        projects.requireAccess(scope);
        ClientRef client = clients.refsForAccessDecision(List.of(scope.clientId())).get(scope.clientId());
        List<Derived> derived = derive(scope, client, documents::finalDocumentsFor);
        boolean trio = derived.stream().anyMatch(d -> d.requirement().id() == null);
        return new RequiredDocuments(derived.stream().map(d -> new RequiredDocuments.Line(d.requirement().name(),
                d.requirement().type(), d.state())).toList(), trio);
    }

    /** One required document as {@link #derive} works it out: the document that satisfies it and its renewal date. */
    record Derived(Requirement requirement, Optional<FinalDocument> document, Instant renewBy,
                   RequirementState state) {
    }

    /** How a derivation reads the workspace's final documents: as the signed-in user, or for the renewal job. */
    interface FinalsReader {
        List<FinalDocument> read(WorkScope scope, java.util.Collection<DocumentType> types,
                                 java.util.Collection<String> titles, java.util.Collection<UUID> linked);
    }

    /**
     * The renewal job's view of a workspace's required documents (DD033): the same derivation as the checklist's
     * line, without a signed-in user. Never hand the result to a view.
     */
    @Transactional(readOnly = true)
    List<Derived> deriveForRenewal(WorkScope scope) {
        return derive(scope, clients.refForNotification(scope.clientId()).orElse(null),
                documents::finalDocumentsForRenewal);
    }

    private List<Derived> derive(WorkScope scope, ClientRef client, FinalsReader finalsReader) {
        if (client == null) {
            throw new NotFoundException("Client");
        }
        List<String> tags = clients.tagsForTriage(scope.clientId());
        Map<UUID, Requirement> wanted = new HashMap<>();
        for (ChecklistStore.TemplatedRequirement t : store.templatedRequirements()) {
            if (ChecklistRules.matches(t.clientKind() == null ? null : ClientKind.valueOf(t.clientKind()), t.tag(),
                    client.kind(), tags)) {
                wanted.putIfAbsent(t.requirement().id(), requirement(t.requirement()));
            }
        }
        Map<UUID, ItemRow> itemByRequirement = new HashMap<>();
        for (ChecklistStore.ItemWithRequirement i : store.itemsWithRequirements(scope.clientId(), scope.projectId())) {
            ItemRow row = i.item();
            itemByRequirement.put(row.requirementId(), row);
            if (row.removedAt() != null) {
                wanted.remove(row.requirementId());
            } else if ("MANUAL".equals(row.source()) || row.requestItemId() != null || row.documentId() != null) {
                // what materialising keeps although no template asks for it any more
                wanted.putIfAbsent(row.requirementId(), requirement(i.requirement()));
            }
        }
        boolean trio = wanted.isEmpty() && itemByRequirement.isEmpty();
        List<Requirement> list = new ArrayList<>();
        if (trio) {
            for (DocumentType type : List.of(DocumentType.CONTRACT, DocumentType.INVOICE, DocumentType.ACT)) {
                list.add(new Requirement(null, null, type, null, ProvidedBy.FIRM, 0));
            }
        } else {
            list.addAll(wanted.values());
            list.sort(Comparator.comparing(Requirement::name, String.CASE_INSENSITIVE_ORDER));
        }
        Set<DocumentType> types = new HashSet<>();
        Set<String> titles = new HashSet<>();
        Set<UUID> linked = new HashSet<>();
        for (Requirement r : list) {
            if (r.type() != DocumentType.OTHER) {
                types.add(r.type());
            }
            if (r.name() != null) {
                titles.add(r.name());
            }
            ItemRow row = r.id() == null ? null : itemByRequirement.get(r.id());
            if (row != null && row.documentId() != null) {
                linked.add(row.documentId());
            }
        }
        List<FinalDocument> finals = finalsReader.read(scope, types, titles, linked);
        Instant now = clock.instant();
        List<Derived> lines = new ArrayList<>();
        for (Requirement r : list) {
            ItemRow row = r.id() == null ? null : itemByRequirement.get(r.id());
            Optional<FinalDocument> doc = row != null ? satisfying(row, r, finals)
                    : finals.stream().filter(d -> r.type() != DocumentType.OTHER && d.type() == r.type()
                            || r.name() != null && d.title().trim().equalsIgnoreCase(r.name().trim()))
                    .max(Comparator.comparing(FinalDocument::finalSince));
            Instant renewBy = ChecklistRules.renewBy(doc.map(FinalDocument::finalSince).orElse(null), r.renewEvery(),
                    clock.getZone());
            RequirementState state = ChecklistRules.state(doc.isPresent(), renewBy,
                    row != null && row.requestItemId() != null, now);
            lines.add(new Derived(r, doc, renewBy, state));
        }
        return lines;
    }

    /** Missing and expired items: what the tab's counter shows and the checklist flags. */
    @Transactional
    public long countNeedingAction(WorkScope scope) {
        return items(scope).stream().filter(i -> i.state().needsAction()).count();
    }

    /** Whether the current user may add, remove and request items here: managers, the owners of client or project. */
    @Transactional(readOnly = true)
    public boolean canManage(WorkScope scope) {
        return projects.canManage(scope);
    }

    /**
     * Puts a requirement of the catalogue on the workspace's list, as the manager's own item (a template's later
     * change leaves it alone); an item removed before comes back.
     *
     * @throws InvalidInputException when the list has it already
     */
    @Transactional
    public void addItem(WorkScope scope, UUID requirementId) {
        requireManage(scope);
        RequirementRow requirement = store.requirement(requirementId)
                .orElseThrow(() -> new NotFoundException("Requirement"));
        Optional<ItemRow> existing = materialise(scope).stream()
                .filter(r -> r.requirementId().equals(requirementId)).findFirst();
        if (existing.isPresent() && existing.get().removedAt() == null) {
            throw problem("requirement", "checklist.error.already-listed", requirement.name());
        }
        if (existing.isPresent()) {
            store.restoreAsManual(existing.get().id());
        } else {
            store.insertItemIfAbsent(scope.clientId(), scope.projectId(), requirementId, "MANUAL", clock.instant());
        }
        changed(scope);
    }

    /** Takes an item off the workspace's list; its templates do not bring it back. Removing it twice changes nothing. */
    @Transactional
    public void removeItem(WorkScope scope, UUID itemId) {
        CurrentUser user = requireManage(scope);
        ItemRow row = store.item(itemId).filter(r -> inScope(r, scope)).orElseThrow(() -> new NotFoundException("Item"));
        if (row.removedAt() == null) {
            store.markRemoved(itemId, user.username(), clock.instant());
            changed(scope);
        }
    }

    /**
     * The projects an information request for the client's list may go through: in a project's workspace, the
     * project; on the client, its projects the user may open (requests live in projects).
     */
    @Transactional(readOnly = true)
    public List<ClientProject> requestProjects(WorkScope scope) {
        projects.requireAccess(scope);
        if (scope.isProject()) {
            return List.of(projects.get(scope.projectId()));
        }
        return projects.forClient(scope.clientId()).stream().filter(ClientProject::sharedWithClient).toList();
    }

    /**
     * Asks the client for every missing or expired item that the client provides, in ONE information request that is
     * sent at once through the request module (its process, mail and portal page), and marks them requested.
     *
     * @param projectId the project the request goes through: the workspace's own in a project scope (may be null
     *                  there), one of the client's otherwise
     * @param title     the request's title as the customer will read it
     * @throws InvalidInputException when nothing is missing, no project is chosen, or the request cannot be sent (the
     *                               project is not shared, nobody can receive it); nothing is kept then
     */
    @Transactional
    public InformationRequest requestFromClient(WorkScope scope, UUID projectId, String title) {
        requireManage(scope);
        List<ChecklistItem> wanted = items(scope).stream()
                .filter(i -> i.providedBy() == ProvidedBy.CLIENT && i.state().needsAction()).toList();
        if (wanted.isEmpty()) {
            throw problem("request", "checklist.error.nothing-missing");
        }
        UUID through = scope.isProject() ? scope.projectId() : projectId;
        if (through == null) {
            throw problem("project", "checklist.error.project-required");
        }
        ClientProject project = projects.get(through);
        if (!project.clientId().equals(scope.clientId())) {
            throw new NotFoundException("Project");
        }
        InformationRequest draft = requests.createDraft(through, new RequestDraft(title, wanted.stream()
                .map(i -> new RequestItemDraft(ItemKind.FILE, i.name(), null)).toList()));
        InformationRequest sent = requests.send(draft.id());
        Instant now = clock.instant();
        for (int n = 0; n < wanted.size(); n++) {
            store.requested(wanted.get(n).id(), sent.id(), sent.items().get(n).id(), now);
        }
        changed(scope);
        return sent;
    }

    /**
     * The team accepted a file the customer uploaded for an item that a checklist asked for: a ready document is made
     * of it (its bytes copied) and linked, and the item is provided. Runs in the accepting transaction (DD013), as
     * the staff member who accepted, so a failure here undoes the acceptance rather than losing the link.
     */
    @EventListener
    void on(RequestFileAccepted event) {
        for (ItemRow row : store.itemsRequestedBy(event.itemId())) {
            RequirementRow r = store.requirement(row.requirementId()).orElse(null);
            if (r == null) {
                continue;
            }
            WorkScope scope = new WorkScope(row.clientId(), row.projectId());
            FinalDocument doc = documents.adoptAcceptedUpload(scope, r.name(), DocumentType.valueOf(r.type()),
                    event.objectKey(), event.fileName(), event.contentType(), event.sizeBytes(), event.sha256());
            store.provided(row.id(), doc.documentId(), doc.versionId(), clock.instant());
            events.publishEvent(new ChecklistChanged(row.clientId(), row.projectId(), event.actor()));
        }
    }

    /** A cancelled request asks for nothing any more: its items are missing (or expired) again. */
    @EventListener
    void on(InformationRequestChanged event) {
        if (event.change() == InformationRequestChanged.Change.CANCELLED) {
            List<UUID[]> scopes = store.scopesOfRequest(event.requestId());
            if (store.clearRequest(event.requestId()) > 0) {
                scopes.forEach(s -> events.publishEvent(new ChecklistChanged(s[0], s[1], event.actor())));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Adds what the matching templates ask for, drops what they no longer ask for; returns the rows as they are. */
    private List<ItemRow> materialise(WorkScope scope) {
        ClientRef client = clients.refsForAccessDecision(List.of(scope.clientId())).get(scope.clientId());
        if (client == null) {
            throw new NotFoundException("Client");
        }
        List<String> tags = clients.tagsForTriage(scope.clientId());
        Map<UUID, List<UUID>> links = store.templateRequirements();
        Set<UUID> wanted = new HashSet<>();
        for (ChecklistStore.TemplateRow t : store.templates()) {
            if (ChecklistRules.matches(t.clientKind() == null ? null : ClientKind.valueOf(t.clientKind()), t.tag(),
                    client.kind(), tags)) {
                wanted.addAll(links.getOrDefault(t.id(), List.of()));
            }
        }
        List<ItemRow> rows = store.items(scope.clientId(), scope.projectId());
        Map<UUID, ItemRow> byRequirement = new HashMap<>();
        rows.forEach(r -> byRequirement.put(r.requirementId(), r));
        boolean touched = false;
        for (UUID requirementId : wanted) {
            if (!byRequirement.containsKey(requirementId)) {
                store.insertItemIfAbsent(scope.clientId(), scope.projectId(), requirementId, "TEMPLATE",
                        clock.instant());
                touched = true;
            }
        }
        for (ItemRow r : rows) {
            if ("TEMPLATE".equals(r.source()) && r.removedAt() == null && !wanted.contains(r.requirementId())
                    && r.requestItemId() == null && r.documentId() == null) {
                store.deleteItem(r.id());
                touched = true;
            }
        }
        return touched ? store.items(scope.clientId(), scope.projectId()) : rows;
    }

    /**
     * The document that satisfies the item: the one linked to it while it still has a final version, else the one
     * with the newest final version whose type is the requirement's (contract, invoice, act) or whose title is the
     * requirement's name.
     */
    private static Optional<FinalDocument> satisfying(ItemRow row, Requirement r, List<FinalDocument> finals) {
        if (row.documentId() != null) {
            Optional<FinalDocument> linked = finals.stream().filter(d -> d.documentId().equals(row.documentId()))
                    .findFirst();
            if (linked.isPresent()) {
                return linked;
            }
        }
        return finals.stream()
                .filter(d -> r.type() != DocumentType.OTHER && d.type() == r.type()
                        || d.title().trim().equalsIgnoreCase(r.name().trim()))
                .max(Comparator.comparing(FinalDocument::finalSince));
    }

    private static boolean inScope(ItemRow row, WorkScope scope) {
        return row.clientId().equals(scope.clientId()) && java.util.Objects.equals(row.projectId(), scope.projectId());
    }

    private CurrentUser requireManage(WorkScope scope) {
        CurrentUser user = currentUser.requireStaff();
        if (!projects.canManage(scope)) {
            throw new NoAccessException("Only managers and the owner change the required documents", null);
        }
        return user;
    }

    private void requireCatalogueManager() {
        if (!canManageCatalogue()) {
            throw new NoAccessException("Only managers and admins change the required documents' catalogue", null);
        }
    }

    private void changed(WorkScope scope) {
        events.publishEvent(new ChecklistChanged(scope.clientId(), scope.projectId(),
                currentUser.requireStaff().username()));
    }

    private static Requirement requirement(RequirementRow r) {
        return new Requirement(r.id(), r.name(), DocumentType.valueOf(r.type()), r.renewEvery(),
                ProvidedBy.valueOf(r.providedBy()), r.version());
    }

    private static InvalidInputException problem(String field, String key, Object... args) {
        return new InvalidInputException(List.of(FieldProblem.of(field, key, args)));
    }
}
