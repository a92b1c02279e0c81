package io.clientspace.document;

import io.clientspace.shared.ProcessOnly;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import static io.clientspace.shared.Texts.clean;

import io.clientspace.client.ClientService;
import io.clientspace.document.domain.DocumentEntity;
import io.clientspace.document.domain.DocumentRepository;
import io.clientspace.document.domain.DocumentVersionEntity;
import io.clientspace.document.domain.DocumentVersionRepository;
import io.clientspace.file.FilePreview;
import io.clientspace.file.ObjectStore;
import io.clientspace.file.Quarantine;
import io.clientspace.file.VirusScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.clientspace.file.SharedDownload;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharedProject;
import io.clientspace.project.SharingChanged;
import io.clientspace.shared.WorkScope;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts, invoices, acts and other documents on a client, each with its versions in object storage. A version is
 * never changed or removed; a new upload is a new version with its own SHA-256, and one version can be marked final.
 * A document is ready only with a final version. Whoever may open the client may see and change its documents.
 */
@Service
public class DocumentService {

    public static final int TITLE_MAX = 200;
    public static final int NOTE_MAX = 500;
    /** A workspace's document list shows at most this many, last changed first; the counter stays exact. */
    public static final int LIST_LIMIT = 500;

    private final DocumentRepository documents;
    private final DocumentVersionRepository versions;
    private final ClientService clients;
    private final ProjectService projects;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final ObjectStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private final TransactionTemplate transactions;
    private final List<DocumentRecordKeeper> recordKeepers;

    DocumentService(DocumentRepository documents, DocumentVersionRepository versions, ClientService clients,
                    ProjectService projects,
                    CurrentUserProvider currentUser, StaffDirectory staff, ObjectStore store,
                    ApplicationEventPublisher events, Clock clock,
                    PlatformTransactionManager transactionManager, List<DocumentRecordKeeper> recordKeepers) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.recordKeepers = List.copyOf(recordKeepers);
        this.documents = documents;
        this.versions = versions;
        this.clients = clients;
        this.projects = projects;
        this.currentUser = currentUser;
        this.staff = staff;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** The largest file a version may be. */
    public long maxUploadBytes() {
        return store.maxSizeBytes();
    }

    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        return countIn(WorkScope.client(clientId));
    }

    @Transactional(readOnly = true)
    public long countIn(WorkScope scope) {
        projects.requireAccess(scope);
        return scope.isProject() ? documents.countByProjectIdAndArchivedAtIsNull(scope.projectId())
                : documents.countByClientIdAndArchivedAtIsNull(scope.clientId());
    }

    /** Ready, pending and draft documents on the client: one grouped, indexed query. */
    @Transactional(readOnly = true)
    public DocumentCounts counts(UUID clientId) {
        return counts(WorkScope.client(clientId));
    }

    /** Ready, pending and draft documents in the scope: one grouped, indexed query. */
    @Transactional(readOnly = true)
    public DocumentCounts counts(WorkScope scope) {
        projects.requireAccess(scope);
        Map<String, Long> byStatus = new HashMap<>();
        for (Object[] row : scope.isProject() ? documents.countByStatusInProject(scope.projectId())
                : documents.countByStatus(scope.clientId())) {
            byStatus.put((String) row[0], (Long) row[1]);
        }
        return new DocumentCounts(byStatus.getOrDefault("READY", 0L), byStatus.getOrDefault("PENDING", 0L),
                byStatus.getOrDefault("DRAFT", 0L));
    }

    /** Whether contract, invoice and act exist on the client and are final. */
    @Transactional(readOnly = true)
    public KeyDocuments keyDocuments(UUID clientId) {
        return keyDocuments(WorkScope.client(clientId));
    }

    /** Whether contract, invoice and act exist in the scope and are final. */
    @Transactional(readOnly = true)
    public KeyDocuments keyDocuments(WorkScope scope) {
        projects.requireAccess(scope);
        Map<DocumentType, KeyDocuments.State> states = new EnumMap<>(DocumentType.class);
        for (DocumentType type : DocumentType.values()) {
            if (type.isKey()) {
                states.put(type, KeyDocuments.State.MISSING);
            }
        }
        for (Object[] row : scope.isProject() ? documents.typeSummaryInProject(scope.projectId())
                : documents.typeSummary(scope.clientId())) {
            DocumentType type = DocumentType.valueOf((String) row[0]);
            if (type.isKey()) {
                long finals = row[2] == null ? 0 : ((Number) row[2]).longValue();
                states.put(type, finals > 0 ? KeyDocuments.State.FINAL : KeyDocuments.State.IN_PROGRESS);
            }
        }
        return new KeyDocuments(states);
    }

    /** Key documents of each of the clients the current user may see; others are left out. One grouped query. */
    @Transactional(readOnly = true)
    public Map<UUID, KeyDocuments> keyDocuments(Collection<UUID> clientIds) {
        var visible = clients.refs(clientIds).keySet();
        Map<UUID, Map<DocumentType, KeyDocuments.State>> states = new HashMap<>();
        for (UUID id : visible) {
            Map<DocumentType, KeyDocuments.State> s = new EnumMap<>(DocumentType.class);
            s.put(DocumentType.CONTRACT, KeyDocuments.State.MISSING);
            s.put(DocumentType.INVOICE, KeyDocuments.State.MISSING);
            s.put(DocumentType.ACT, KeyDocuments.State.MISSING);
            states.put(id, s);
        }
        if (!visible.isEmpty()) {
            for (Object[] row : documents.keyTypeSummary(visible)) {
                long finals = row[2] == null ? 0 : ((Number) row[2]).longValue();
                states.get((UUID) row[0]).put(DocumentType.valueOf((String) row[1]),
                        finals > 0 ? KeyDocuments.State.FINAL : KeyDocuments.State.IN_PROGRESS);
            }
        }
        Map<UUID, KeyDocuments> result = new HashMap<>();
        states.forEach((id, s) -> result.put(id, new KeyDocuments(s)));
        return result;
    }

    /**
     * The live documents in the scope that have a final version, with that version and when it was uploaded: what a
     * required-documents checklist matches its items against. A client's scope holds its projects' documents too.
     */
    @Transactional(readOnly = true)
    public List<FinalDocument> finalDocuments(WorkScope scope) {
        List<ClientDocument> live = in(scope);
        List<UUID> finalIds = new ArrayList<>();
        Map<UUID, ClientDocument> byId = new HashMap<>();
        for (ClientDocument d : live) {
            if (d.finalVersion() > 0) {
                byId.put(d.id(), d);
            }
        }
        documents.findAllById(byId.keySet()).forEach(e -> finalIds.add(e.getFinalVersionId()));
        List<FinalDocument> result = new ArrayList<>();
        versions.findAllById(finalIds).forEach(v -> {
            ClientDocument d = byId.get(v.getDocumentId());
            result.add(new FinalDocument(d.id(), d.projectId(), d.title(), d.type(), v.getId(), v.getNumber(),
                    v.getUploadedAt()));
        });
        return result;
    }

    /**
     * The documents that can satisfy required documents of those types, titles (compared trimmed and ignoring case)
     * or ids, in the scope: the newest final one per type and per title, and the ones with the ids while they are live
     * and final. One statement whatever the workspace holds, for the checklist's key-documents line.
     *
     * @throws io.clientspace.shared.NoAccessException when the user may not open the scope
     */
    @Transactional(readOnly = true)
    public List<FinalDocument> finalDocumentsFor(WorkScope scope, Collection<DocumentType> types,
                                                 Collection<String> titles, Collection<UUID> documentIds) {
        projects.requireAccess(scope);
        return finals(scope, types, titles, documentIds);
    }

    /**
     * {@link #finalDocumentsFor} for the checklist's renewal job, which runs with nobody signed in (DD033).
     */
    @Transactional(readOnly = true)
    @ProcessOnly("the checklist's scheduled renewal reminders")
    public List<FinalDocument> finalDocumentsForRenewal(WorkScope scope, Collection<DocumentType> types,
                                                        Collection<String> titles, Collection<UUID> documentIds) {
        return finals(scope, types, titles, documentIds);
    }

    /**
     * The workspaces whose live documents with a final version are of one of the types or titles (compared trimmed
     * and ignoring case): a client as a whole, and also its project when the document is in one. The renewal job
     * derives only their required documents (DD033).
     */
    @Transactional(readOnly = true)
    @ProcessOnly("the checklist's scheduled renewal reminders")
    public List<WorkScope> workspacesWithFinals(Collection<DocumentType> types, Collection<String> titles) {
        List<String> typeNames = types.isEmpty() ? List.of("-") : types.stream().map(Enum::name).distinct().toList();
        List<String> lower = titles.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.trim().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        java.util.Set<WorkScope> scopes = new java.util.LinkedHashSet<>();
        for (Object[] r : documents.workspacesWithFinals(typeNames, lower.isEmpty() ? List.of("") : lower)) {
            UUID clientId = (UUID) r[0];
            scopes.add(WorkScope.client(clientId));
            if (r[1] != null) {
                scopes.add(WorkScope.project(clientId, (UUID) r[1]));
            }
        }
        return List.copyOf(scopes);
    }

    private List<FinalDocument> finals(WorkScope scope, Collection<DocumentType> types, Collection<String> titles,
                                       Collection<UUID> documentIds) {
        // an empty "in ()" is no SQL: a value that matches nothing stands in
        List<String> typeNames = types.isEmpty() ? List.of("-") : types.stream().map(Enum::name).distinct().toList();
        List<String> lower = titles.stream().filter(t -> t != null && !t.isBlank())
                .map(t -> t.trim().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
        List<String> titleKeys = lower.isEmpty() ? List.of("") : lower;
        List<UUID> ids = documentIds.isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(new java.util.HashSet<>(documentIds));
        List<Object[]> rows = scope.isProject()
                ? documents.finalsForRequirementsInProject(scope.clientId(), scope.projectId(), typeNames, titleKeys, ids)
                : documents.finalsForRequirements(scope.clientId(), typeNames, titleKeys, ids);
        List<FinalDocument> result = new ArrayList<>();
        for (Object[] r : rows) {
            result.add(new FinalDocument((UUID) r[0], (UUID) r[1], (String) r[2], DocumentType.valueOf((String) r[3]),
                    (UUID) r[4], ((Number) r[5]).intValue(), toInstant(r[6])));
        }
        return result;
    }

    private static java.time.Instant toInstant(Object value) {
        if (value instanceof java.time.Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp " + value);
    }

    /** A document with its final version, see {@link #finalDocuments(WorkScope)}. */
    public record FinalDocument(UUID documentId, UUID projectId, String title, DocumentType type, UUID versionId,
                                int versionNumber, java.time.Instant finalSince) {
    }

    /**
     * Makes a ready document of a file the customer uploaded and the team accepted: the bytes are copied inside
     * storage to the document's own key (so the request's upload and the document never share an object), the one
     * version is final. Runs inside the caller's transaction, as the staff member who accepted.
     *
     * @throws io.clientspace.file.StorageUnavailableException when storage fails; the caller's transaction fails too
     */
    @Transactional
    public FinalDocument adoptAcceptedUpload(WorkScope scope, String title, DocumentType type, String sourceKey,
                                             String fileName, String contentType, long sizeBytes, String sha256) {
        CurrentUser user = currentUser.requireStaff();
        projects.requireAccess(scope);
        String cleanTitle = clean(title);
        InvalidInputException.throwIfAny(titleAndTypeProblems(cleanTitle, type));
        UUID documentId = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        String key = objectKey(scope.clientId(), documentId, versionId);
        store.copy(sourceKey, key);
        var now = clock.instant();
        DocumentEntity created = new DocumentEntity(documentId, scope.clientId(), cleanTitle, type.name(),
                user.username(), now);
        created.setProjectId(scope.projectId());
        DocumentEntity document = documents.saveAndFlush(created);
        versions.saveAndFlush(new DocumentVersionEntity(versionId, documentId, 1, fileName, contentType, sizeBytes,
                key, sha256, null, user.username(), now));
        document.setFinalVersionId(versionId);
        document.setStatus(DocumentStatus.READY.name());
        documents.saveAndFlush(document);
        events.publishEvent(new DocumentChanged(documentId, scope.clientId(), scope.projectId(), cleanTitle,
                DocumentChanged.Change.CREATED, type.name(), user.username()));
        events.publishEvent(new DocumentChanged(documentId, scope.clientId(), scope.projectId(), cleanTitle,
                DocumentChanged.Change.FINAL_MARKED, "1", user.username()));
        return new FinalDocument(documentId, scope.projectId(), cleanTitle, type, versionId, 1, now);
    }

    /** The client's documents, last changed first. */
    @Transactional(readOnly = true)
    public List<ClientDocument> forClient(UUID clientId) {
        return in(WorkScope.client(clientId));
    }

    /**
     * The live (not archived) documents in the scope, last changed first, at most {@link #LIST_LIMIT}; a client's
     * scope holds its projects' documents too.
     */
    @Transactional(readOnly = true)
    public List<ClientDocument> in(WorkScope scope) {
        projects.requireAccess(scope);
        var page = PageRequest.of(0, LIST_LIMIT);
        return records(scope.isProject()
                ? documents.findByProjectIdAndArchivedAtIsNullOrderByUpdatedAtDesc(scope.projectId(), page)
                : documents.findByClientIdAndArchivedAtIsNullOrderByUpdatedAtDesc(scope.clientId(), page));
    }

    /** The archived documents in the scope, last archived first, at most {@link #LIST_LIMIT}. */
    @Transactional(readOnly = true)
    public List<ClientDocument> archivedIn(WorkScope scope) {
        projects.requireAccess(scope);
        var page = PageRequest.of(0, LIST_LIMIT);
        return records(scope.isProject()
                ? documents.findByProjectIdAndArchivedAtIsNotNullOrderByArchivedAtDesc(scope.projectId(), page)
                : documents.findByClientIdAndArchivedAtIsNotNullOrderByArchivedAtDesc(scope.clientId(), page));
    }

    private List<ClientDocument> records(List<DocumentEntity> rows) {
        Map<UUID, Integer> latest = new HashMap<>();
        if (!rows.isEmpty()) {
            for (Object[] row : versions.latestNumbers(rows.stream().map(DocumentEntity::getId).toList())) {
                latest.put((UUID) row[0], (Integer) row[1]);
            }
        }
        Map<UUID, Integer> finals = finalNumbers(rows);
        return rows.stream().map(d -> toRecord(d, latest.getOrDefault(d.getId(), 0),
                finals.getOrDefault(d.getId(), 0))).toList();
    }

    @Transactional(readOnly = true)
    public ClientDocument get(UUID documentId) {
        DocumentEntity d = requireDocument(documentId);
        return toRecord(d, versions.lastNumber(documentId), finalNumbers(List.of(d)).getOrDefault(d.getId(), 0));
    }

    /** Every version of the document, newest first. */
    @Transactional(readOnly = true)
    public List<DocumentVersion> versions(UUID documentId) {
        DocumentEntity d = requireDocument(documentId);
        return versions.findByDocumentIdOrderByNumberDesc(documentId).stream().map(v -> toRecord(v, d)).toList();
    }

    /**
     * Creates a document on the client with its first version, in draft.
     *
     * @throws InvalidInputException when the title, type or file is wrong; nothing is stored
     */
    public ClientDocument create(UUID clientId, String title, DocumentType type, String fileName, Path content) {
        return create(WorkScope.client(clientId), title, type, fileName, content);
    }

    /**
     * Creates a document in the scope (on the client, or on one of its projects) with its first version, in draft.
     *
     * The bytes go to storage before any database transaction starts, so an upload holds no connection; a failed
     * insert removes the object again.
     *
     * @throws InvalidInputException when the title, type or file is wrong; nothing is stored
     */
    public ClientDocument create(WorkScope scope, String title, DocumentType type, String fileName, Path content) {
        CurrentUser user = currentUser.requireStaff();
        projects.requireWork(scope);
        UUID clientId = scope.clientId();
        String cleanTitle = clean(title);
        List<FieldProblem> problems = titleAndTypeProblems(cleanTitle, type);
        if (content == null) {
            problems.add(FieldProblem.of("file", "document.error.file-required"));
        }
        InvalidInputException.throwIfAny(problems);
        // scanned before anything is written; when clamd is unreachable the version waits in quarantine (DD010)
        ObjectStore.Accepted upload = store.checkOrQuarantine(fileName, content);

        UUID documentId = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        String key = objectKey(clientId, documentId, versionId);
        String sha256 = store.put(key, content, upload);
        try {
            return transactions.execute(status -> {
                DocumentEntity created = new DocumentEntity(documentId, clientId, cleanTitle, type.name(),
                        user.username(), clock.instant());
                created.setProjectId(scope.projectId());
                DocumentEntity document = documents.saveAndFlush(created);
                DocumentVersionEntity first = new DocumentVersionEntity(versionId, documentId, 1, upload.name(),
                        upload.contentType(), upload.size(), key, sha256, null, user.username(), clock.instant());
                if (upload.awaitingScan()) {
                    first.quarantine(clock.instant());
                }
                versions.saveAndFlush(first);
                events.publishEvent(new DocumentChanged(document.getId(), clientId, scope.projectId(), cleanTitle,
                        DocumentChanged.Change.CREATED, type.name(), user.username()));
                return get(document.getId());
            });
        } catch (RuntimeException e) {
            store.removeQuietly(key);
            throw e;
        }
    }

    /**
     * Uploads a new version; earlier versions stay as they are.
     *
     * @throws InvalidInputException when the file or note is refused; nothing is stored
     */
    public DocumentVersion addVersion(UUID documentId, String fileName, Path content, String note) {
        CurrentUser user = currentUser.requireStaff();
        DocumentEntity document = requireWorkDocument(documentId);
        String cleanNote = clean(note);
        if (cleanNote != null && cleanNote.length() > NOTE_MAX) {
            throw new InvalidInputException(List.of(FieldProblem.of("note", "validation.too-long", NOTE_MAX)));
        }
        ObjectStore.Accepted upload = store.checkOrQuarantine(fileName, content);
        UUID versionId = UUID.randomUUID();
        String key = objectKey(document.getClientId(), documentId, versionId);
        String sha256 = store.put(key, content, upload);
        try {
            return transactions.execute(status -> {
                // one new version at a time per document: two uploads at once must not both become the same number
                DocumentEntity locked = documents.lockById(documentId)
                        .orElseThrow(() -> new NotFoundException("Document"));
                int number = versions.lastNumber(documentId) + 1;
                DocumentVersionEntity added = new DocumentVersionEntity(versionId,
                        documentId, number, upload.name(), upload.contentType(), upload.size(), key, sha256,
                        cleanNote, user.username(), clock.instant());
                if (upload.awaitingScan()) {
                    added.quarantine(clock.instant());
                }
                DocumentVersionEntity version = versions.saveAndFlush(added);
                locked.touch(user.username(), clock.instant());
                flush(locked);
                events.publishEvent(new DocumentChanged(documentId, locked.getClientId(), locked.getProjectId(),
                        locked.getTitle(), DocumentChanged.Change.VERSION_ADDED, String.valueOf(number),
                        user.username()));
                return toRecord(version, locked);
            });
        } catch (RuntimeException e) {
            store.removeQuietly(key);
            throw e;
        }
    }

    /**
     * Marks a version as the final one and the document as ready.
     *
     * @throws StaleDataException when someone changed the document since the user saw it
     */
    @Transactional
    public ClientDocument markFinal(UUID documentId, UUID versionId, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        DocumentEntity document = requireWorkDocument(documentId);
        checkSeen(document, seenVersion);
        DocumentVersionEntity version = versions.findById(versionId).filter(v -> v.getDocumentId().equals(documentId))
                .orElseThrow(() -> new NotFoundException("Document version"));
        refuseAwaitingScan(version);
        document.setFinalVersionId(version.getId());
        document.setStatus(DocumentStatus.READY.name());
        document.touch(user.username(), clock.instant());
        flush(document);
        events.publishEvent(new DocumentChanged(documentId, document.getClientId(), document.getProjectId(), document.getTitle(),
                DocumentChanged.Change.FINAL_MARKED, String.valueOf(version.getNumber()), user.username()));
        return get(documentId);
    }

    /**
     * Sets the status. Ready needs a final version; going back to draft or pending keeps the final mark off.
     *
     * @throws InvalidInputException when ready is chosen without a final version
     * @throws StaleDataException    when someone changed the document since the user saw it
     */
    @Transactional
    public ClientDocument setStatus(UUID documentId, DocumentStatus status, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        DocumentEntity document = requireWorkDocument(documentId);
        checkSeen(document, seenVersion);
        if (status == DocumentStatus.READY && document.getFinalVersionId() == null) {
            throw new InvalidInputException(List.of(FieldProblem.of("status", "document.error.ready-needs-final")));
        }
        if (status != DocumentStatus.READY) {
            document.setFinalVersionId(null);
        }
        if (!status.name().equals(document.getStatus())) {
            document.setStatus(status.name());
            document.touch(user.username(), clock.instant());
            flush(document);
            events.publishEvent(new DocumentChanged(documentId, document.getClientId(), document.getProjectId(), document.getTitle(),
                    DocumentChanged.Change.STATUS_CHANGED, status.name(), user.username()));
        }
        return get(documentId);
    }

    /**
     * Renames the document and changes its type; its versions, status and sharing stay as they are.
     *
     * @throws InvalidInputException when the title or type is wrong; nothing is saved
     * @throws StaleDataException    when someone changed the document since the user saw it
     */
    @Transactional
    public ClientDocument update(UUID documentId, String title, DocumentType type, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        DocumentEntity document = requireWorkDocument(documentId);
        String cleanTitle = clean(title);
        InvalidInputException.throwIfAny(titleAndTypeProblems(cleanTitle, type));
        checkSeen(document, seenVersion);
        if (cleanTitle.equals(document.getTitle()) && type.name().equals(document.getType())) {
            return get(documentId);
        }
        String before = document.getTitle();
        document.setTitle(cleanTitle);
        document.setType(type.name());
        document.touch(user.username(), clock.instant());
        flush(document);
        // the entry names the document as it is now and keeps the old title, so the timeline still reads
        events.publishEvent(new DocumentChanged(documentId, document.getClientId(), document.getProjectId(),
                cleanTitle, DocumentChanged.Change.RENAMED, before, user.username()));
        return get(documentId);
    }

    /**
     * Whether the document may be deleted: a draft without a final version, of which no other module keeps a record
     * (an acceptance). Anything else can only be archived.
     */
    @Transactional(readOnly = true)
    public boolean canDelete(UUID documentId) {
        return deleteRefusal(requireDocument(documentId)) == null;
    }

    /**
     * Deletes a draft document with all its versions; their objects leave storage once the deletion committed.
     *
     * @throws InvalidInputException with a problem on "document" when the document is not a draft, has a final
     *                               version or an acceptance: such a document can only be archived
     * @throws StaleDataException    when someone changed the document since the user saw it
     */
    @Transactional
    public void delete(UUID documentId, long seenVersion) {
        CurrentUser user = currentUser.requireStaff();
        DocumentEntity document = requireWorkDocument(documentId);
        // a version uploaded or an acceptance sent at this moment waits for the decision (DD014)
        documents.lockById(documentId);
        checkSeen(document, seenVersion);
        String refusal = deleteRefusal(document);
        if (refusal != null) {
            throw new InvalidInputException(List.of(FieldProblem.of("document", refusal)));
        }
        List<DocumentVersionEntity> all = versions.findByDocumentIdOrderByNumberDesc(documentId);
        List<String> keys = all.stream().map(DocumentVersionEntity::getObjectKey).toList();
        versions.deleteAll(all);
        try {
            // the delete names the version the user saw: a change that slipped in before the lock refuses it
            documents.delete(document);
            documents.flush();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Document");
        }
        events.publishEvent(new DocumentChanged(documentId, document.getClientId(), document.getProjectId(),
                document.getTitle(), DocumentChanged.Change.DELETED, String.valueOf(all.size()), user.username()));
        store.removeAfterCommit(keys);
    }

    /**
     * Archives the document: it leaves the list, the counters and the key documents, and stays readable under
     * "Archived". Its versions and any acceptance stay as they are.
     *
     * @throws StaleDataException when someone changed the document since the user saw it
     */
    @Transactional
    public ClientDocument archive(UUID documentId, long seenVersion) {
        return setArchived(documentId, seenVersion, true);
    }

    /**
     * Brings an archived document back to the list.
     *
     * @throws StaleDataException when someone changed the document since the user saw it
     */
    @Transactional
    public ClientDocument unarchive(UUID documentId, long seenVersion) {
        return setArchived(documentId, seenVersion, false);
    }

    private ClientDocument setArchived(UUID documentId, long seenVersion, boolean archive) {
        CurrentUser user = currentUser.requireStaff();
        DocumentEntity document = requireWorkDocument(documentId);
        checkSeen(document, seenVersion);
        if ((document.getArchivedAt() != null) == archive) {
            return get(documentId);
        }
        document.setArchived(archive ? user.username() : null, archive ? clock.instant() : null);
        document.touch(user.username(), clock.instant());
        flush(document);
        events.publishEvent(new DocumentChanged(documentId, document.getClientId(), document.getProjectId(),
                document.getTitle(), archive ? DocumentChanged.Change.ARCHIVED : DocumentChanged.Change.UNARCHIVED,
                null, user.username()));
        return get(documentId);
    }

    /** Why the document cannot be deleted, as a translation key; null when it can. */
    private String deleteRefusal(DocumentEntity document) {
        if (document.getFinalVersionId() != null || !DocumentStatus.DRAFT.name().equals(document.getStatus())) {
            return "document.error.delete-not-draft";
        }
        if (recordKeepers.stream().anyMatch(k -> k.keepsRecordOf(document.getId()))) {
            return "document.error.delete-has-record";
        }
        return null;
    }

    private static List<FieldProblem> titleAndTypeProblems(String cleanTitle, DocumentType type) {
        List<FieldProblem> problems = new ArrayList<>();
        if (cleanTitle == null) {
            problems.add(FieldProblem.of("title", "document.error.title-required"));
        } else if (cleanTitle.length() > TITLE_MAX) {
            problems.add(FieldProblem.of("title", "validation.too-long", TITLE_MAX));
        }
        if (type == null) {
            problems.add(FieldProblem.of("type", "document.error.type-required"));
        }
        return problems;
    }

    /**
     * A link to look at the version in the app: inline for a PDF or an image, which the browser shows safely; any
     * other type comes as a download, so nothing else is ever rendered from storage in the app's page.
     */
    @Transactional(readOnly = true)
    public FilePreview preview(UUID versionId) {
        DocumentVersionEntity version = versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("Document version"));
        requireDocument(version.getDocumentId());
        return store.preview(version.getObjectKey(), version.getFileName(), version.getContentType());
    }

    /** A link that downloads the version straight from storage, valid for at most 5 minutes. */
    @Transactional(readOnly = true)
    public String downloadLink(UUID versionId) {
        DocumentVersionEntity version = versions.findById(versionId)
                .orElseThrow(() -> new NotFoundException("Document version"));
        requireDocument(version.getDocumentId());
        refuseAwaitingScan(version);
        return store.downloadLink(version.getObjectKey(), version.getFileName(), version.getContentType());
    }

    /** A version waiting for its virus scan leaves the firm's hands in no way: no download, final, share or send. */
    private static void refuseAwaitingScan(DocumentVersionEntity version) {
        if (version.isQuarantined()) {
            throw new InvalidInputException(List.of(FieldProblem.of("version", "document.error.awaiting-scan",
                    version.getFileName())));
        }
    }

    /**
     * One version with its document, for sending it out for acceptance.
     *
     * @throws NotFoundException when there is no such version or the current user may not open its document
     */
    @Transactional(readOnly = true)
    public VersionForAcceptance versionForAcceptance(UUID versionId) {
        DocumentVersionEntity v = versions.findById(versionId).orElseThrow(() -> new NotFoundException("Document version"));
        DocumentEntity d = requireDocument(v.getDocumentId());
        refuseAwaitingScan(v);
        return new VersionForAcceptance(d.getId(), d.getClientId(), d.getProjectId(), d.getTitle(), v.getId(),
                v.getNumber(), v.getFileName(), v.getContentType(), v.getSha256());
    }

    /**
     * Takes the document's row lock for the rest of the caller's transaction, so that two colleagues sending it for
     * acceptance at once take turns on the "already waiting" check.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @ProcessOnly("the acceptance module, inside its own checked send and accept")
    public void lockForAcceptance(UUID documentId) {
        documents.lockById(documentId).orElseThrow(() -> new NotFoundException("Document"));
    }

    /**
     * The SHA-256 of the version's bytes as object storage holds them right now (read again, not the hash kept at
     * upload). Only the acceptance module calls this, after its own access checks, to prove the bytes unchanged.
     *
     * @throws io.clientspace.file.StorageUnavailableException when storage fails
     */
    @Transactional(readOnly = true)
    @ProcessOnly("the acceptance module, inside its own checked send and accept")
    public String storedSha256(UUID versionId) {
        DocumentVersionEntity v = versions.findById(versionId).orElseThrow(() -> new NotFoundException("Document version"));
        return store.sha256(v.getObjectKey());
    }

    /** What an acceptance records of the version it is about. */
    public record VersionForAcceptance(UUID documentId, UUID clientId, UUID projectId, String title, UUID versionId,
                                       int number, String fileName, String contentType, String sha256) {
    }

    /**
     * A short-lived link to a version that was sent to the client for acceptance: sending it is what shows it to the
     * client, whatever the document's sharing switch says. Only the acceptance module calls this, after it checked
     * that the acceptance is the client's and names this version.
     *
     * @param inline true to show it in the browser (preview), false to download it
     * @throws NotFoundException when the version is not one of the client's documents
     */
    @Transactional(readOnly = true)
    public String acceptanceCopyLink(UUID clientId, UUID versionId, boolean inline) {
        projects.requirePortalReader(clientId);
        DocumentVersionEntity v = versions.findById(versionId).orElseThrow(() -> new NotFoundException("Document version"));
        documents.findById(v.getDocumentId()).filter(d -> d.getClientId().equals(clientId))
                .orElseThrow(() -> new NotFoundException("Document version"));
        return inline ? store.previewLink(v.getObjectKey(), v.getFileName(), v.getContentType())
                : store.downloadLink(v.getObjectKey(), v.getFileName(), v.getContentType());
    }

    // ------------------------------------------------------------------------------------------------- sharing

    /** Whether the current user may share and unshare documents in the scope; see {@link ProjectService#canManage}. */
    @Transactional(readOnly = true)
    public boolean canShare(WorkScope scope) {
        return projects.canManage(scope);
    }

    /**
     * Shares the document with the client's portal or stops sharing it. The portal shows it only while its project,
     * if it has one, is shared too; the client gets the final version, or the newest without one.
     *
     * @throws io.clientspace.shared.NoAccessException unless the current user may manage the document's scope
     */
    @Transactional
    public ClientDocument setShared(UUID documentId, boolean shared) {
        CurrentUser user = currentUser.requireStaff();
        DocumentEntity document = requireDocument(documentId);
        projects.requireManage(new WorkScope(document.getClientId(), document.getProjectId()));
        if (document.isSharedWithClient() != shared) {
            document.setSharedWithClient(shared);
            flush(document);
            boolean visible = shared && (document.getProjectId() == null
                    || projects.ownerAndSharing(document.getProjectId())
                    .map(ProjectService.OwnerAndSharing::sharedWithClient).orElse(false));
            events.publishEvent(new SharingChanged(document.getClientId(), document.getProjectId(),
                    SharingChanged.Subject.DOCUMENT, documentId, document.getTitle(), shared, visible,
                    user.username()));
        }
        return get(documentId);
    }

    // ---------------------------------------------------------------------------------------- customer reads

    /**
     * The client's documents its portal shows, last changed first: shared, and on the client as a whole or in a
     * shared project.
     */
    @Transactional(readOnly = true)
    public List<SharedDocument> sharedForCustomer(UUID clientId) {
        List<UUID> shared = projects.sharedWithCustomer(clientId).stream().map(SharedProject::id).toList();
        return sharedRecords(documents.sharedOnClient(clientId, shared.isEmpty() ? List.of(new UUID(0, 0)) : shared));
    }

    /**
     * The shared documents of one of the client's shared projects, last changed first.
     *
     * @throws NotFoundException when the project is not the client's or not shared
     */
    @Transactional(readOnly = true)
    public List<SharedDocument> sharedInProject(UUID clientId, UUID projectId) {
        projects.sharedProject(clientId, projectId);
        return sharedRecords(documents.sharedInProject(clientId, projectId));
    }

    /**
     * A download link for the file of a document the client's portal shows.
     *
     * @throws NotFoundException when the document is not the client's, not shared, or in a project that is not
     *                           shared: the same answer for all, so nobody learns what exists
     */
    @Transactional(readOnly = true)
    public SharedDownload customerDownload(UUID clientId, UUID documentId) {
        projects.requirePortalReader(clientId);
        DocumentEntity document = documents.findById(documentId)
                .filter(d -> d.getClientId().equals(clientId) && d.isSharedWithClient())
                .orElseThrow(() -> new NotFoundException("Document"));
        if (document.getProjectId() != null) {
            projects.sharedProject(clientId, document.getProjectId());
        }
        DocumentVersionEntity v = customerVersion(document).orElseThrow(() -> new NotFoundException("Document"));
        return new SharedDownload(document.getTitle(),
                store.downloadLink(v.getObjectKey(), v.getFileName(), v.getContentType()));
    }

    /**
     * The client's invoices and acts with a final version, on the client or in its shared projects, shared or not:
     * what the portal adds for a billing contact (docs/decisions/DD035). The portal decides who is one.
     */
    @Transactional(readOnly = true)
    public List<SharedDocument> invoicesAndActsForCustomer(UUID clientId) {
        List<UUID> shared = projects.sharedWithCustomer(clientId).stream().map(SharedProject::id).toList();
        return sharedRecords(documents.billingOnClient(clientId, shared.isEmpty() ? List.of(new UUID(0, 0)) : shared));
    }

    /**
     * A download link for the final version of one of the client's invoices or acts, for a billing contact.
     *
     * @throws NotFoundException when it is not the client's, not an invoice or act, has no final version, or is in
     *                           a project that is not shared: the same answer for all
     */
    @Transactional(readOnly = true)
    public SharedDownload invoiceOrActDownload(UUID clientId, UUID documentId) {
        projects.requirePortalReader(clientId);
        DocumentEntity document = documents.findById(documentId)
                .filter(d -> d.getClientId().equals(clientId) && d.getFinalVersionId() != null
                        && ("INVOICE".equals(d.getType()) || "ACT".equals(d.getType())))
                .orElseThrow(() -> new NotFoundException("Document"));
        if (document.getProjectId() != null) {
            projects.sharedProject(clientId, document.getProjectId());
        }
        DocumentVersionEntity v = customerVersion(document).orElseThrow(() -> new NotFoundException("Document"));
        return new SharedDownload(document.getTitle(),
                store.downloadLink(v.getObjectKey(), v.getFileName(), v.getContentType()));
    }

    private List<SharedDocument> sharedRecords(List<DocumentEntity> rows) {
        List<SharedDocument> result = new ArrayList<>();
        for (DocumentEntity d : rows) {
            customerVersion(d).ifPresent(v -> result.add(new SharedDocument(d.getId(), d.getProjectId(), d.getTitle(),
                    v.getFileName(), v.getSizeBytes(), v.getUploadedAt())));
        }
        return result;
    }

    /** The version the client gets: the final one, or the newest when none is final. */
    private Optional<DocumentVersionEntity> customerVersion(DocumentEntity d) {
        if (d.getFinalVersionId() != null) {
            return versions.findById(d.getFinalVersionId());
        }
        return versions.findByDocumentIdOrderByNumberDesc(d.getId()).stream().findFirst();
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private static String objectKey(UUID clientId, UUID documentId, UUID versionId) {
        return "clients/" + clientId + "/documents/" + documentId + "/" + versionId;
    }

    private void checkSeen(DocumentEntity document, long seenVersion) {
        if (document.getVersion() != seenVersion) {
            throw new StaleDataException("Document");
        }
    }

    private void flush(DocumentEntity document) {
        try {
            documents.saveAndFlush(document);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new StaleDataException("Document");
        }
    }

    /** A document the user may change: editor or above in its place (see ProjectService#may). */
    private DocumentEntity requireWorkDocument(UUID documentId) {
        DocumentEntity d = requireDocument(documentId);
        projects.requireWork(new WorkScope(d.getClientId(), d.getProjectId()));
        return d;
    }

    private DocumentEntity requireDocument(UUID documentId) {
        DocumentEntity d = documents.findById(documentId).orElseThrow(() -> new NotFoundException("Document"));
        projects.requireAccess(new WorkScope(d.getClientId(), d.getProjectId()));
        return d;
    }

    private Map<UUID, Integer> finalNumbers(List<DocumentEntity> rows) {
        Map<UUID, Integer> result = new HashMap<>();
        List<UUID> finalIds = rows.stream().map(DocumentEntity::getFinalVersionId).filter(Objects::nonNull)
                .toList();
        if (!finalIds.isEmpty()) {
            versions.findAllById(finalIds).forEach(v -> result.put(v.getDocumentId(), v.getNumber()));
        }
        return result;
    }

    private ClientDocument toRecord(DocumentEntity d, int latest, int finalNumber) {
        return new ClientDocument(d.getId(), d.getClientId(), d.getProjectId(), d.getTitle(), DocumentType.valueOf(d.getType()),
                DocumentStatus.valueOf(d.getStatus()), finalNumber, latest,
                staff.displayName(d.getUpdatedBy() == null ? d.getCreatedBy() : d.getUpdatedBy()), d.getUpdatedAt(),
                d.isSharedWithClient(), d.getVersion(), d.getArchivedAt(),
                d.getArchivedBy() == null ? null : staff.displayName(d.getArchivedBy()));
    }

    private DocumentVersion toRecord(DocumentVersionEntity v, DocumentEntity d) {
        return new DocumentVersion(v.getId(), v.getDocumentId(), v.getNumber(), v.getFileName(), v.getContentType(),
                v.getSizeBytes(), v.getSha256(), v.getNote(), staff.displayName(v.getUploadedBy()), v.getUploadedAt(),
                v.getId().equals(d.getFinalVersionId()), v.isQuarantined());
    }

    /**
     * Offers the versions waiting in quarantine to the virus scanner again, oldest first: a clean one is released, an
     * infected one is removed with its object (and its document, when it was the document's only version) and the
     * event logged. Stops at the first version without a verdict (clamd still unreachable). One version per
     * transaction, under the version's row lock, so several nodes may run it at once (DocumentQuarantineRelease).
     *
     * @return how many versions were released
     */
    @ProcessOnly("the scheduled quarantine release; no user calls it")
    public int releaseQuarantined() {
        return Quarantine.releaseEach(versions.quarantined(PageRequest.of(0, 100)), transactions, this::rescan);
    }

    private Quarantine.Rescan rescan(UUID versionId) {
        DocumentVersionEntity version = versions.lockById(versionId).orElse(null);
        if (version == null || !version.isQuarantined()) {
            return Quarantine.Rescan.REMOVED_OR_GONE;
        }
        VirusScanner.Result scan = store.scanStored(version.getObjectKey());
        switch (scan.verdict()) {
            case CLEAN -> {
                version.released();
                log.info("Quarantined document version {} \"{}\" scanned clean and released", version.getId(),
                        version.getFileName());
                return Quarantine.Rescan.RELEASED;
            }
            case INFECTED -> {
                log.warn("SECURITY: quarantined document version {} \"{}\" uploaded by {} is {}; removed",
                        version.getId(), version.getFileName(), version.getUploadedBy(), scan.detail());
                UUID documentId = version.getDocumentId();
                versions.delete(version);
                versions.flush();
                if (versions.countByDocumentId(documentId) == 0) {
                    // a document whose only version was infected never held anything: it goes too
                    documents.findById(documentId).ifPresent(documents::delete);
                    documents.flush();
                }
                store.remove(version.getObjectKey());
                return Quarantine.Rescan.REMOVED_OR_GONE;
            }
            default -> {
                version.scanAttempted(clock.instant());
                return Quarantine.Rescan.NO_VERDICT;
            }
        }
    }
}
