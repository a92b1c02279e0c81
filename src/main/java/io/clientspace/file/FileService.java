package io.clientspace.file;

import io.clientspace.client.ClientService;
import io.clientspace.file.domain.StoredFileEntity;
import io.clientspace.file.domain.StoredFileRepository;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.StaffDirectory;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.http.Method;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Files on a client, visible to whoever may open the client. The bytes live in object storage; a row says who
 * uploaded what, when. An upload writes the object first and the row second, and removes the object again when the
 * row does not make it, so a failure halfway leaves neither an orphan object nor a dangling row. Downloads are
 * short-lived presigned links: the bytes never pass through the app. A deleted file stays restorable for the trash
 * period, then {@link #purgeExpiredTrash()} removes it for good.
 */
@Service
public class FileService {

    private static final Logger log = LoggerFactory.getLogger(FileService.class);
    public static final int NAME_MAX = 255;

    private final StoredFileRepository files;
    private final ClientService clients;
    private final CurrentUserProvider currentUser;
    private final StaffDirectory staff;
    private final MinioClient minio;
    private final MinioClient presigner;
    private final StorageProperties storage;
    private final FileProperties limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FileService(StoredFileRepository files, ClientService clients, CurrentUserProvider currentUser,
                StaffDirectory staff, MinioClient minio, @Qualifier("presigner") MinioClient presigner,
                StorageProperties storage, FileProperties limits, ApplicationEventPublisher events, Clock clock) {
        this.files = files;
        this.clients = clients;
        this.currentUser = currentUser;
        this.staff = staff;
        this.minio = minio;
        this.presigner = presigner;
        this.storage = storage;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public long countForClient(UUID clientId) {
        clients.requireAccess(clientId);
        return files.countActiveByClient(clientId);
    }

    /** The client's files, newest first. */
    @Transactional(readOnly = true)
    public List<StoredFile> forClient(UUID clientId) {
        clients.requireAccess(clientId);
        return files.activeByClient(clientId).stream().map(this::toRecord).toList();
    }

    /** Files deleted within the trash period, newest first; they can still be restored. */
    @Transactional(readOnly = true)
    public List<StoredFile> trash(UUID clientId) {
        clients.requireAccess(clientId);
        return files.trashByClient(clientId, trashCutoff()).stream().map(this::toRecord).toList();
    }

    /** How many days a deleted file stays restorable. */
    public int trashDays() {
        return limits.trashDays();
    }

    /** The largest file an upload may be, for the form to say so up front. */
    public long maxSizeBytes() {
        return limits.maxSizeBytes();
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
    @Transactional
    public StoredFile upload(UUID clientId, String originalName, Path content) {
        CurrentUser user = currentUser.requireStaff();
        clients.requireAccess(clientId);
        String name = cleanName(originalName);
        long size;
        String type;
        try {
            size = Files.size(content);
            type = size == 0 ? null : FileTypes.detect(content, name);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded file", e);
        }
        InvalidInputException.throwIfAny(problems(name, size, type));

        UUID id = UUID.randomUUID();
        String key = "clients/" + clientId + "/files/" + id;
        String sha256 = put(key, content, size, type);
        try {
            StoredFileEntity row = files.saveAndFlush(new StoredFileEntity(id, clientId, name, type, size, key, sha256,
                    user.username(), clock.instant()));
            // the row is written; if the transaction still rolls back, the object must go too
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        removeQuietly(key);
                    }
                }
            });
            events.publishEvent(new FileChanged(id, clientId, name, FileChanged.Change.UPLOADED, user.username()));
            return toRecord(row);
        } catch (RuntimeException e) {
            removeQuietly(key);
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
        if (file.getDeletedAt() != null) {
            throw new NotFoundException("File");
        }
        try {
            return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET).bucket(storage.bucket()).object(file.getObjectKey())
                    .expiry((int) Duration.ofMinutes(limits.linkMinutes()).toSeconds())
                    .extraQueryParams(Map.of(
                            "response-content-disposition", "attachment; filename*=UTF-8''" + encode(file.getName()),
                            "response-content-type", file.getContentType()))
                    .build());
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** Moves the file to the trash; it stays restorable for the trash period. Deleting it twice changes nothing. */
    @Transactional
    public StoredFile delete(UUID fileId) {
        CurrentUser user = currentUser.requireStaff();
        StoredFileEntity file = requireFile(fileId);
        if (file.getDeletedAt() == null) {
            file.delete(user.username(), clock.instant());
            events.publishEvent(new FileChanged(file.getId(), file.getClientId(), file.getName(),
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
        StoredFileEntity file = requireFile(fileId);
        if (file.getDeletedAt() == null) {
            return toRecord(file);
        }
        if (file.getDeletedAt().isBefore(trashCutoff())) {
            throw new InvalidInputException(List.of(FieldProblem.of("file", "file.error.restore-expired",
                    limits.trashDays())));
        }
        file.restore();
        events.publishEvent(new FileChanged(file.getId(), file.getClientId(), file.getName(),
                FileChanged.Change.RESTORED, user.username()));
        return toRecord(file);
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
                minio.removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(file.getObjectKey())
                        .build());
                files.delete(file);
                removed++;
            } catch (Exception e) {
                log.warn("Could not remove {} from object storage, will retry: {}", file.getObjectKey(), e.getMessage());
            }
        }
        return removed;
    }

    // -------------------------------------------------------------------------------------------------- helpers

    private List<FieldProblem> problems(String name, long size, String type) {
        if (name == null) {
            return List.of(FieldProblem.of("file", "file.error.name"));
        } else if (name.length() > NAME_MAX) {
            return List.of(FieldProblem.of("file", "file.error.name-too-long", NAME_MAX));
        } else if (size == 0) {
            return List.of(FieldProblem.of("file", "file.error.empty", name));
        } else if (size > limits.maxSizeBytes()) {
            return List.of(FieldProblem.of("file", "file.error.too-big", name, limits.maxSizeMb()));
        } else if (FileTypes.isProgram(type)) {
            return List.of(FieldProblem.of("file", "file.error.program", name));
        } else if (!FileTypes.isAllowed(type)) {
            return List.of(FieldProblem.of("file", "file.error.type", name, type));
        }
        return List.of();
    }

    /** The last segment of what the browser sent, without control characters; null when nothing is left. */
    static String cleanName(String original) {
        if (original == null) {
            return null;
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
    }

    private String put(String key, Path content, long size, String type) {
        try (InputStream raw = Files.newInputStream(content);
             DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
            minio.putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(key).stream(in, size, -1)
                    .contentType(type).build());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            // a half-written object may exist
            removeQuietly(key);
            throw new StorageUnavailableException(e);
        }
    }

    private void removeQuietly(String key) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(key).build());
        } catch (Exception e) {
            log.warn("Could not remove {} after a failed upload: {}", key, e.getMessage());
        }
    }

    private StoredFileEntity requireFile(UUID fileId) {
        StoredFileEntity file = files.findById(fileId).orElseThrow(() -> new NotFoundException("File"));
        clients.requireAccess(file.getClientId());
        return file;
    }

    private Instant trashCutoff() {
        return clock.instant().minus(Duration.ofDays(limits.trashDays()));
    }

    private StoredFile toRecord(StoredFileEntity f) {
        return new StoredFile(f.getId(), f.getClientId(), f.getName(), f.getContentType(), f.getSizeBytes(),
                staff.displayName(f.getUploadedBy()), f.getUploadedAt(), f.getDeletedAt(),
                f.getDeletedBy() == null ? null : staff.displayName(f.getDeletedBy()));
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
