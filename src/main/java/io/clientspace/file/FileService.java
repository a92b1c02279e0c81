package io.clientspace.file;

import io.clientspace.shared.ProcessOnly;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.clientspace.project.ProjectService;
import io.clientspace.project.SharedProject;
import io.clientspace.project.SharingChanged;
import io.clientspace.shared.WorkScope;
import io.clientspace.file.domain.StoredFileEntity;
import io.clientspace.file.domain.StoredFileRepository;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files on a client, visible to whoever may open the client. The bytes live in object storage; a row says who
 * uploaded what, when. An upload writes the object first and the row second, and removes the object again when the
 * row does not make it, so a failure halfway leaves neither an orphan object nor a dangling row. Downloads are
 * short-lived presigned links: the bytes never pass through the app. A deleted file stays restorable for the trash
 * period, then {@link #purgeExpiredTrash()} removes it for good.
 */
@Service
public class FileService {

    /** A workspace's file list shows at most this many, newest first; the counter stays exact. */
    public static final int LIST_LIMIT = 500;

    private static final Logger log = LoggerFactory.getLogger(FileService.class);

    private final StoredFileRepository files;
    private final ProjectService projects;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final ObjectStore store;
    private final FileProperties limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;

    FileService(StoredFileRepository files, ProjectService projects, CurrentUserProvider currentUser,
                StaffDirectory staff, ObjectStore store, FileProperties limits, ApplicationEventPublisher events,
                Clock clock, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.files = files;
        this.projects = projects;
        this.currentUser = currentUser;
        this.staff = staff;
        this.store = store;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        return countIn(WorkScope.client(clientId));
    }

    /** The client's files, its projects' included, newest first. */
    @Transactional(readOnly = true)
    public List<StoredFile> forClient(UUID clientId) {
        return in(WorkScope.client(clientId));
    }

    /** Files of the client deleted within the trash period, newest first; they can still be restored. */
    @Transactional(readOnly = true)
    public List<StoredFile> trash(UUID clientId) {
        return trashIn(WorkScope.client(clientId));
    }

    @Transactional(readOnly = true)
    public long countIn(WorkScope scope) {
        projects.requireAccess(scope);
        return scope.isProject() ? files.countActiveByProject(scope.projectId())
                : files.countActiveByClient(scope.clientId());
    }

    /** The files in the scope, newest first, at most {@link #LIST_LIMIT}; a client's scope holds its projects' too. */
    @Transactional(readOnly = true)
    public List<StoredFile> in(WorkScope scope) {
        projects.requireAccess(scope);
        var page = PageRequest.of(0, LIST_LIMIT);
        return (scope.isProject() ? files.activeByProject(scope.projectId(), page)
                : files.activeByClient(scope.clientId(), page))
                .stream().map(this::toRecord).toList();
    }

    /** Files in the scope deleted within the trash period, newest first; they can still be restored. */
    @Transactional(readOnly = true)
    public List<StoredFile> trashIn(WorkScope scope) {
        projects.requireAccess(scope);
        return (scope.isProject() ? files.trashByProject(scope.projectId(), trashCutoff())
                : files.trashByClient(scope.clientId(), trashCutoff())).stream().map(this::toRecord).toList();
    }

    /** How many days a deleted file stays restorable. */
    public int trashDays() {
        return limits.trashDays();
    }

    /** The largest file an upload may be, for the form to say so up front. */
    public long maxSizeBytes() {
        return store.maxSizeBytes();
    }

    /**
     * Stores an uploaded file on the client.
     *
     * @param originalName the name on the user's machine; a path is cut off
     * @param content      the uploaded bytes, e.g. a temporary file; the caller deletes it afterwards
     * @throws InvalidInputException       when the file is empty, too big, or of a type that is not accepted;
     *                                     nothing is stored
     * @throws StorageUnavailableException when object storage fails; nothing is stored
     */
    public StoredFile upload(UUID clientId, String originalName, Path content) {
        return upload(WorkScope.client(clientId), originalName, content);
    }

    /**
     * Stores an uploaded file in the scope: on the client, or on one of its projects.
     *
     * The bytes go to storage outside any database transaction, so a large upload holds no connection; only the
     * row insert is transactional, and a failed insert removes the object again.
     *
     * @see #upload(UUID, String, Path)
     */
    public StoredFile upload(WorkScope scope, String originalName, Path content) {
        CurrentUser user = currentUser.requireStaff();
        projects.requireWork(scope);
        UUID clientId = scope.clientId();
        // scanned before anything is written; when clamd is unreachable the file is kept in quarantine (DD010)
        ObjectStore.Accepted upload = store.checkOrQuarantine(originalName, content);
        UUID id = UUID.randomUUID();
        String key = "clients/" + clientId + "/files/" + id;
        String sha256 = store.put(key, content, upload);
        try {
            return transactions.execute(status -> {
                StoredFileEntity entity = new StoredFileEntity(id, clientId, upload.name(), upload.contentType(),
                        upload.size(), key, sha256, user.username(), clock.instant());
                entity.setProjectId(scope.projectId());
                if (upload.awaitingScan()) {
                    entity.quarantine(clock.instant());
                }
                StoredFileEntity row = files.saveAndFlush(entity);
                events.publishEvent(new FileChanged(id, clientId, scope.projectId(), upload.name(),
                        FileChanged.Change.UPLOADED, user.username()));
                return toRecord(row);
            });
        } catch (RuntimeException e) {
            store.removeQuietly(key);
            throw e;
        }
    }

    /** One file of a batch: the name on the sender's machine and its bytes (e.g. a temporary file). */
    public record Incoming(String originalName, Path content) {
    }

    /**
     * Stores several uploaded files in the scope all or nothing, for something that carries them together (a chat
     * message, a mail reply), and saves that thing with them through {@code then}. Every file is checked first (name,
     * size, type from the bytes, virus scan or quarantine) and none is stored while any is refused; the problems name
     * each refused file. Then the objects are written, and the rows and whatever {@code then} saves go into one
     * transaction: should a write or {@code then} fail, the rows roll back and the objects written are removed, so no
     * file is left without its message.
     *
     * @param then runs inside the transaction that saves the rows, with the stored files in the given order
     * @throws InvalidInputException       when any file is refused (one problem per refused file, field "file");
     *                                     nothing is stored
     * @throws StorageUnavailableException when object storage fails; nothing is left behind
     * @throws io.clientspace.shared.NoAccessException when the colleague may not work in the scope
     */
    public <T> T uploadAll(WorkScope scope, List<Incoming> incoming, Function<List<StoredFile>, T> then) {
        CurrentUser user = currentUser.requireStaff();
        projects.requireWork(scope);
        return storeAll(scope, incoming, user.username(), then);
    }

    /**
     * As {@link #uploadAll}, for files that came in without a signed-in colleague (a customer's files in the portal's
     * Messages or on a client request they raise), recorded as received by {@code receivedBy}.
     */
    @ProcessOnly("portal chat, for a channel it checked is the customer's; a client request the customer raises, for"
            + " a place it checked is shared with them")
    public <T> T receiveAll(WorkScope scope, List<Incoming> incoming, String receivedBy,
                            Function<List<StoredFile>, T> then) {
        return storeAll(scope, incoming, receivedBy, then);
    }

    /** A file of a batch that was refused: the name it came with, and why (one problem or more, field "file"). */
    public record Refused(String originalName, List<FieldProblem> problems) {

        public Refused {
            problems = List.copyOf(problems);
        }

        /** Whether the virus scanner found it infected, rather than its type or size being refused. */
        public boolean infected() {
            return problems.stream().anyMatch(p -> "file.error.infected".equals(p.messageKey()));
        }
    }

    /**
     * Stores those of several files that pass the checks, for something that comes in with them and is kept whether
     * or not each of its files is (a mail to the workspace address, whose refused attachment becomes a note on the
     * mail), and saves that thing with them through {@code then}. Every file is checked first (name, size, type from
     * the bytes, virus scan or quarantine); a refused one is not written and {@code then} hears of it. Then the
     * accepted files' objects are written, and their rows and whatever {@code then} saves go into one transaction:
     * should a write or {@code then} fail, or the transaction not commit, the rows roll back and the objects written
     * are removed, so no file is left without what it came with. Recorded as received by {@code receivedBy}.
     *
     * @param then runs inside the transaction that saves the rows, with the stored files in the given order (the
     *             refused ones left out) and the refused ones in the given order; it throws to store nothing
     * @throws StorageUnavailableException when object storage fails; nothing is left behind
     */
    @ProcessOnly("the workspace mail ingest, for a workspace it matched by the recipient address")
    public <T> T receiveEach(WorkScope scope, List<Incoming> incoming, String receivedBy,
                             BiFunction<List<StoredFile>, List<Refused>, T> then) {
        Checked checked = check(incoming);
        return write(scope, checked.passed(), receivedBy, stored -> then.apply(stored, checked.refused()));
    }

    private <T> T storeAll(WorkScope scope, List<Incoming> incoming, String by, Function<List<StoredFile>, T> then) {
        // every file is scanned before any is written: a refused second file leaves no first one behind
        Checked checked = check(incoming);
        InvalidInputException.throwIfAny(checked.refused().stream().flatMap(r -> r.problems().stream()).toList());
        return write(scope, checked.passed(), by, then);
    }

    /** A file that passed the checks, with what they found. */
    private record Passed(Incoming file, ObjectStore.Accepted accepted) {
    }

    private record Checked(List<Passed> passed, List<Refused> refused) {
    }

    private Checked check(List<Incoming> incoming) {
        List<Passed> passed = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Incoming file : incoming) {
            try {
                passed.add(new Passed(file, store.checkOrQuarantine(file.originalName(), file.content())));
            } catch (InvalidInputException e) {
                refused.add(new Refused(file.originalName(), e.problems()));
            }
        }
        return new Checked(List.copyOf(passed), List.copyOf(refused));
    }

    /**
     * Writes the objects, then saves their rows and runs {@code then} in one transaction; removes the objects again
     * when that transaction does not commit.
     */
    private <T> T write(WorkScope scope, List<Passed> passed, String by, Function<List<StoredFile>, T> then) {
        UUID clientId = scope.clientId();
        List<UUID> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        try {
            for (Passed file : passed) {
                UUID id = UUID.randomUUID();
                String key = "clients/" + clientId + "/files/" + id;
                ids.add(id);
                keys.add(key);
                hashes.add(store.put(key, file.file().content(), file.accepted()));
            }
            return transactions.execute(status -> {
                List<StoredFile> stored = new ArrayList<>();
                for (int i = 0; i < ids.size(); i++) {
                    ObjectStore.Accepted upload = passed.get(i).accepted();
                    StoredFileEntity entity = new StoredFileEntity(ids.get(i), clientId, upload.name(),
                            upload.contentType(), upload.size(), keys.get(i), hashes.get(i), by, clock.instant());
                    entity.setProjectId(scope.projectId());
                    if (upload.awaitingScan()) {
                        entity.quarantine(clock.instant());
                    }
                    stored.add(toRecord(files.saveAndFlush(entity)));
                    events.publishEvent(new FileChanged(ids.get(i), clientId, scope.projectId(), upload.name(),
                            FileChanged.Change.UPLOADED, by));
                }
                return then.apply(List.copyOf(stored));
            });
        } catch (RuntimeException e) {
            // the rows rolled back with the transaction; the objects are outside it
            keys.forEach(store::removeQuietly);
            throw e;
        }
    }

    /**
     * A link that downloads the file straight from object storage, valid for a few minutes (at most 5).
     *
     * @throws NotFoundException when the file does not exist or is in the trash
     */
    @Transactional(readOnly = true)
    public String downloadLink(UUID fileId) {
        StoredFileEntity file = requireFile(fileId);
        if (file.getDeletedAt() != null || file.isQuarantined()) {
            throw new NotFoundException("File");
        }
        return store.downloadLink(file.getObjectKey(), file.getName(), file.getContentType());
    }

    /**
     * A link to look at the file in the app: inline for a PDF or an image, a download for any other type.
     *
     * @throws NotFoundException when the file does not exist, is in the trash or waits for its virus scan
     */
    @Transactional(readOnly = true)
    public FilePreview preview(UUID fileId) {
        StoredFileEntity file = requireFile(fileId);
        if (file.getDeletedAt() != null || file.isQuarantined()) {
            throw new NotFoundException("File");
        }
        return store.preview(file.getObjectKey(), file.getName(), file.getContentType());
    }

    // ------------------------------------------------------------------------------------------------- sharing

    /** Whether the current user may share and unshare files in the scope; see {@link ProjectService#canManage}. */
    @Transactional(readOnly = true)
    public boolean canShare(WorkScope scope) {
        return projects.canManage(scope);
    }

    /**
     * Shares the file with the client's portal or stops sharing it. The portal shows it only while its project, if
     * it has one, is shared too.
     *
     * @throws io.clientspace.shared.NoAccessException unless the current user may manage the file's scope
     */
    @Transactional
    public StoredFile setShared(UUID fileId, boolean shared) {
        CurrentUser user = currentUser.requireStaff();
        StoredFileEntity file = requireFile(fileId);
        WorkScope scope = new WorkScope(file.getClientId(), file.getProjectId());
        projects.requireManage(scope);
        if (shared && file.isQuarantined()) {
            throw new InvalidInputException(List.of(FieldProblem.of("file", "file.error.awaiting-scan",
                    file.getName())));
        }
        if (file.isSharedWithClient() != shared) {
            file.setSharedWithClient(shared);
            files.saveAndFlush(file);
            boolean visible = shared && (file.getProjectId() == null
                    || projects.ownerAndSharing(file.getProjectId()).map(ProjectService.OwnerAndSharing::sharedWithClient)
                    .orElse(false));
            events.publishEvent(new SharingChanged(file.getClientId(), file.getProjectId(),
                    SharingChanged.Subject.FILE, file.getId(), file.getName(), shared, visible, user.username()));
        }
        return toRecord(file);
    }

    // ---------------------------------------------------------------------------------------- customer reads

    /**
     * The client's files its portal shows, newest first: shared, not in the trash, and on the client as a whole or in
     * a shared project.
     */
    @Transactional(readOnly = true)
    public List<SharedFile> sharedForCustomer(UUID clientId) {
        List<UUID> shared = projects.sharedWithCustomer(clientId).stream().map(SharedProject::id).toList();
        return files.sharedOnClient(clientId, shared.isEmpty() ? List.of(new UUID(0, 0)) : shared).stream()
                .filter(f -> !f.isQuarantined()).map(FileService::shared).toList();
    }

    /**
     * The shared files of one of the client's shared projects, newest first.
     *
     * @throws NotFoundException when the project is not the client's or not shared
     */
    @Transactional(readOnly = true)
    public List<SharedFile> sharedInProject(UUID clientId, UUID projectId) {
        projects.sharedProject(clientId, projectId);
        return files.sharedInProject(clientId, projectId).stream().filter(f -> !f.isQuarantined())
                .map(FileService::shared).toList();
    }

    /**
     * A download link for a file the client's portal shows.
     *
     * @throws NotFoundException when the file is not the client's, not shared, in the trash, or in a project that is
     *                           not shared: the same answer for all, so nobody learns what exists
     */
    @Transactional(readOnly = true)
    public SharedDownload customerDownload(UUID clientId, UUID fileId) {
        projects.requirePortalReader(clientId);
        StoredFileEntity file = files.findById(fileId)
                .filter(f -> f.getClientId().equals(clientId) && f.isSharedWithClient() && f.getDeletedAt() == null
                        && !f.isQuarantined())
                .orElseThrow(() -> new NotFoundException("File"));
        if (file.getProjectId() != null) {
            projects.sharedProject(clientId, file.getProjectId());
        }
        return new SharedDownload(file.getName(),
                store.downloadLink(file.getObjectKey(), file.getName(), file.getContentType()));
    }

    /**
     * The client's files among {@code fileIds} that are not in the trash, by name: attachments of a record of another
     * module (a proposal), which decides itself who may read them. Not for screens on their own: it asks nobody.
     */
    @Transactional(readOnly = true)
    @ProcessOnly("the proposal module, for a proposal it already checked; the request module, for a request it checked")
    public List<SharedFile> attachments(UUID clientId, Collection<UUID> fileIds) {
        if (fileIds.isEmpty()) {
            return List.of();
        }
        return files.findAllById(fileIds).stream()
                .filter(f -> f.getClientId().equals(clientId) && f.getDeletedAt() == null && !f.isQuarantined())
                .sorted(Comparator.comparing(StoredFileEntity::getName, String.CASE_INSENSITIVE_ORDER))
                .map(FileService::shared).toList();
    }

    /**
     * A download link for a file attached to something the client's portal shows (a sent proposal): the caller has
     * checked that; this checks the reader and that the file is the client's and not in the trash.
     *
     * @throws NotFoundException otherwise, the same answer for all
     */
    @Transactional(readOnly = true)
    public SharedDownload attachmentDownload(UUID clientId, UUID fileId) {
        projects.requirePortalReader(clientId);
        StoredFileEntity file = files.findById(fileId)
                .filter(f -> f.getClientId().equals(clientId) && f.getDeletedAt() == null && !f.isQuarantined())
                .orElseThrow(() -> new NotFoundException("File"));
        return new SharedDownload(file.getName(),
                store.downloadLink(file.getObjectKey(), file.getName(), file.getContentType()));
    }

    private static SharedFile shared(StoredFileEntity f) {
        return new SharedFile(f.getId(), f.getProjectId(), f.getName(), f.getSizeBytes(), f.getUploadedAt());
    }

    /** Moves the file to the trash; it stays restorable for the trash period. Deleting it twice changes nothing. */
    @Transactional
    public StoredFile delete(UUID fileId) {
        CurrentUser user = currentUser.requireStaff();
        StoredFileEntity file = requireLockedFile(fileId);
        if (file.getDeletedAt() == null) {
            file.delete(user.username(), clock.instant());
            events.publishEvent(new FileChanged(file.getId(), file.getClientId(), file.getProjectId(), file.getName(),
                    FileChanged.Change.DELETED, user.username()));
        }
        return toRecord(file);
    }

    /**
     * Brings a file back from the trash.
     *
     * @throws InvalidInputException when the trash period is over
     */
    @Transactional
    public StoredFile restore(UUID fileId) {
        CurrentUser user = currentUser.requireStaff();
        StoredFileEntity file = requireLockedFile(fileId);
        if (file.getDeletedAt() == null) {
            return toRecord(file);
        }
        if (file.getDeletedAt().isBefore(trashCutoff())) {
            throw new InvalidInputException(List.of(FieldProblem.of("file", "file.error.restore-expired",
                    limits.trashDays())));
        }
        file.restore();
        events.publishEvent(new FileChanged(file.getId(), file.getClientId(), file.getProjectId(), file.getName(),
                FileChanged.Change.RESTORED, user.username()));
        return toRecord(file);
    }

    /**
     * Offers the files waiting in quarantine to the virus scanner again, oldest first: a clean one is released (lists
     * and downloads show it like any other), an infected one is removed with its object and the event logged. Stops
     * at the first file without a verdict (clamd still unreachable): the rest wait for the next run. Runs in the
     * background (FileQuarantineRelease), one file per transaction, under the file's row lock, so several nodes may
     * run it at once.
     *
     * @return how many files were released
     */
    public int releaseQuarantined() {
        return Quarantine.releaseEach(files.quarantined(
                PageRequest.of(0, 100)), transactions, this::rescan);
    }

    private Quarantine.Rescan rescan(UUID id) {
        StoredFileEntity file = files.lockById(id).orElse(null);
        if (file == null || !file.isQuarantined()) {
            return Quarantine.Rescan.REMOVED_OR_GONE;
        }
        VirusScanner.Result scan = store.scanStored(file.getObjectKey());
        switch (scan.verdict()) {
            case CLEAN -> {
                // its upload is on the timeline already; from now on it downloads like any other
                file.released(clock.instant());
                log.info("Quarantined file {} \"{}\" scanned clean and released", file.getId(), file.getName());
                return Quarantine.Rescan.RELEASED;
            }
            case INFECTED -> {
                log.warn("SECURITY: quarantined file {} \"{}\" uploaded by {} is {}; removed", file.getId(),
                        file.getName(), file.getUploadedBy(), scan.detail());
                files.delete(file);
                files.flush();
                store.remove(file.getObjectKey());
                return Quarantine.Rescan.REMOVED_OR_GONE;
            }
            default -> {
                file.scanAttempted(clock.instant());
                return Quarantine.Rescan.NO_VERDICT;
            }
        }
    }

    /**
     * Removes files whose trash period is over: the object first, then the row, so a storage failure leaves the row
     * for the next run. Runs in the background; see FileTrashPurge.
     *
     * @return how many files were removed
     */
    @Transactional
    public int purgeExpiredTrash() {
        int removed = 0;
        for (StoredFileEntity file : files.expiredTrash(trashCutoff(), PageRequest.of(0, 500))) {
            try {
                store.remove(file.getObjectKey());
                files.delete(file);
                removed++;
            } catch (StorageUnavailableException e) {
                log.warn("Could not remove {} from object storage, will retry: {}", file.getObjectKey(), e.getMessage());
            }
        }
        return removed;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private StoredFileEntity requireFile(UUID fileId) {
        StoredFileEntity file = files.findById(fileId).orElseThrow(() -> new NotFoundException("File"));
        projects.requireAccess(new WorkScope(file.getClientId(), file.getProjectId()));
        return file;
    }

    /** Row-locked, so a delete and a restore at the same moment run one after the other on the same state. */
    private StoredFileEntity requireLockedFile(UUID fileId) {
        StoredFileEntity file = files.lockById(fileId).orElseThrow(() -> new NotFoundException("File"));
        projects.requireWork(new WorkScope(file.getClientId(), file.getProjectId()));
        return file;
    }

    private Instant trashCutoff() {
        return clock.instant().minus(Duration.ofDays(limits.trashDays()));
    }

    private StoredFile toRecord(StoredFileEntity f) {
        return new StoredFile(f.getId(), f.getClientId(), f.getProjectId(), f.getName(), f.getContentType(), f.getSizeBytes(),
                staff.displayName(f.getUploadedBy()), f.getUploadedAt(), f.getDeletedAt(),
                f.getDeletedBy() == null ? null : staff.displayName(f.getDeletedBy()), f.isSharedWithClient(),
                f.isQuarantined());
    }
}
