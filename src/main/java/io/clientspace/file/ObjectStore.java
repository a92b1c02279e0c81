package io.clientspace.file;

import org.springframework.security.core.context.SecurityContextHolder;
import io.clientspace.shared.FieldProblem;
import io.clientspace.shared.InvalidInputException;
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
import java.time.Duration;
import java.util.HexFormat;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Object storage for every module that keeps bytes (files, document versions, portal uploads): checks an upload
 * (name, size, type and a virus scan by clamd), writes it, signs short-lived download links, and cleans up after a
 * failed save. The bytes of a download never pass through the app. Whatever brings in files later, such as a mail
 * ingest's attachments, goes through {@link #check} or {@link #checkOrQuarantine} too, before anything is stored
 * (docs/decisions/DD010-evidence-and-uploads.md).
 */
@Component
public class ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);
    public static final int NAME_MAX = 255;

    /**
     * An upload that passed the checks: the name to keep, its type read from the bytes, and its size.
     * {@code awaitingScan}: clamd could not be reached, so it may only be kept in quarantine (see
     * {@link #checkOrQuarantine}).
     */
    public record Accepted(String name, String contentType, long size, boolean awaitingScan) {
    }

    /** Who uploads: the customer's allowlist is narrower than the staff's (DD010). */
    private enum Uploader { STAFF, CUSTOMER }

    private final MinioClient minio;
    private final MinioClient presigner;
    private final StorageProperties storage;
    private final FileProperties limits;
    private final VirusScanner scanner;

    public ObjectStore(MinioClient minio, @Qualifier("presigner") MinioClient presigner, StorageProperties storage,
                       FileProperties limits, VirusScanner scanner) {
        this.minio = minio;
        this.presigner = presigner;
        this.storage = storage;
        this.limits = limits;
        this.scanner = scanner;
    }

    public long maxSizeBytes() {
        return limits.maxSizeBytes();
    }

    /**
     * Checks name, size and type of a file staff upload, and scans it for viruses; only a clean file passes.
     *
     * @throws InvalidInputException with one problem on field "file" when it is refused: also when it is infected
     *                               (the attempt is logged) or the virus scanner cannot be reached right now
     */
    public Accepted check(String originalName, Path content) {
        return check(originalName, content, Uploader.STAFF, false);
    }

    /**
     * As {@link #checkOrQuarantine}, for a file a customer uploads in the portal: macro-capable OLE2 Office files
     * (.doc, .xls, .ppt), RTF and ZIP archives are refused too. When the virus scanner cannot be reached the file
     * passes with {@code awaitingScan}, for the caller to keep in quarantine.
     */
    public Accepted checkCustomerUploadOrQuarantine(String originalName, Path content) {
        return check(originalName, content, Uploader.CUSTOMER, true);
    }

    /**
     * As {@link #check}, but when the virus scanner cannot be reached the file passes with {@code awaitingScan}: the
     * caller keeps it in quarantine, hidden until a later scan releases it. An infected file is refused all the same.
     */
    public Accepted checkOrQuarantine(String originalName, Path content) {
        return check(originalName, content, Uploader.STAFF, true);
    }

    private Accepted check(String originalName, Path content, Uploader uploader, boolean mayQuarantine) {
        String name = cleanName(originalName);
        long size;
        String type;
        try {
            size = Files.size(content);
            type = size == 0 || name == null ? null : FileTypes.detect(content, name);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded file", e);
        }
        InvalidInputException.throwIfAny(problems(name, size, type, uploader));
        VirusScanner.Result scan;
        try (InputStream in = Files.newInputStream(content)) {
            scan = scanner.scan(in);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded file", e);
        }
        return switch (scan.verdict()) {
            case CLEAN -> new Accepted(name, type, size, false);
            case INFECTED -> {
                log.warn("SECURITY: refused an infected upload by {}: \"{}\" ({} bytes, {}) is {}; nothing was stored",
                        uploaderName(), name, size, type, scan.detail());
                throw new InvalidInputException(List.of(FieldProblem.of("file", "file.error.infected", name)));
            }
            case UNAVAILABLE -> {
                log.warn("Virus scanner unavailable for \"{}\" by {}: {}; {}", name, uploaderName(), scan.detail(),
                        mayQuarantine ? "kept in quarantine until a scan succeeds" : "refused");
                if (!mayQuarantine) {
                    throw new InvalidInputException(List.of(FieldProblem.of("file", "file.error.scan-unavailable",
                            name)));
                }
                yield new Accepted(name, type, size, true);
            }
        };
    }

    /**
     * Scans an object in storage again, for a file that waited in quarantine.
     *
     * @throws StorageUnavailableException when storage fails
     */
    public VirusScanner.Result scanStored(String key) {
        try (InputStream in = minio.getObject(io.minio.GetObjectArgs.builder().bucket(storage.bucket()).object(key)
                .build())) {
            return scanner.scan(in);
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    private static String uploaderName() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "nobody signed in" : auth.getName();
    }

    /**
     * Writes the bytes under the key and, when called inside a transaction, removes them again should that
     * transaction not commit.
     *
     * @return the SHA-256 of the bytes, hex encoded
     * @throws StorageUnavailableException when storage fails; nothing is left behind
     */
    public String put(String key, Path content, Accepted upload) {
        String sha256;
        try (InputStream raw = Files.newInputStream(content);
             DigestInputStream in = new DigestInputStream(raw, MessageDigest.getInstance("SHA-256"))) {
            minio.putObject(PutObjectArgs.builder().bucket(storage.bucket()).object(key).stream(in, upload.size(), -1)
                    .contentType(upload.contentType()).build());
            sha256 = HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            // a half-written object may exist
            removeQuietly(key);
            throw new StorageUnavailableException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        removeQuietly(key);
                    }
                }
            });
        }
        return sha256;
    }

    /**
     * Copies an object inside storage (the bytes never pass through the app) and, inside a transaction, removes the
     * copy again should that transaction not commit.
     *
     * @throws StorageUnavailableException when storage fails or the source is gone; nothing is left behind
     */
    public void copy(String fromKey, String toKey) {
        try {
            minio.copyObject(io.minio.CopyObjectArgs.builder().bucket(storage.bucket()).object(toKey)
                    .source(io.minio.CopySource.builder().bucket(storage.bucket()).object(fromKey).build()).build());
        } catch (Exception e) {
            removeQuietly(toKey);
            throw new StorageUnavailableException(e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        removeQuietly(toKey);
                    }
                }
            });
        }
    }

    /**
     * The SHA-256 of the object's bytes as storage holds them now, read in a stream: evidence compares it with the
     * hash taken at upload, so that bytes changed in storage behind the app's back are noticed.
     *
     * @throws StorageUnavailableException when storage fails or the object is gone
     */
    public String sha256(String key) {
        try (InputStream in = minio.getObject(io.minio.GetObjectArgs.builder().bucket(storage.bucket()).object(key)
                .build())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** A link that downloads the object as an attachment with the given name, valid for at most 5 minutes. */
    public String downloadLink(String key, String fileName, String contentType) {
        return link(key, "attachment", fileName, contentType);
    }

    /**
     * A link to look at the object in the app: with an inline disposition for the types a browser shows safely (PDF
     * and common images, {@link FileTypes#isPreviewable}), as a download for every other type, so that no other
     * content is ever rendered from storage. Valid for at most 5 minutes.
     */
    public FilePreview preview(String key, String fileName, String contentType) {
        boolean inline = FileTypes.isPreviewable(contentType);
        return new FilePreview(fileName, contentType, inline ? previewLink(key, fileName, contentType)
                : downloadLink(key, fileName, contentType), inline);
    }

    /**
     * Removes the objects once the caller's transaction has committed, so a deletion that rolls back keeps its
     * bytes. A removal that fails is logged with its key; called outside a transaction, removes at once.
     */
    public void removeAfterCommit(Collection<String> keys) {
        List<String> copy = List.copyOf(keys);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            copy.forEach(this::removeQuietly);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                copy.forEach(ObjectStore.this::removeQuietly);
            }
        });
    }

    /** A link that shows the object in the browser (a PDF or an image in a frame), valid for at most 5 minutes. */
    public String previewLink(String key, String fileName, String contentType) {
        return link(key, "inline", fileName, contentType);
    }

    private String link(String key, String disposition, String fileName, String contentType) {
        try {
            return presigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                    .method(Method.GET).bucket(storage.bucket()).object(key)
                    .expiry((int) Duration.ofMinutes(limits.linkMinutes()).toSeconds())
                    .extraQueryParams(Map.of(
                            "response-content-disposition", disposition + "; filename*=UTF-8''" + encode(fileName),
                            "response-content-type", contentType))
                    .build());
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    /** @throws StorageUnavailableException when storage fails */
    public void remove(String key) {
        try {
            minio.removeObject(RemoveObjectArgs.builder().bucket(storage.bucket()).object(key).build());
        } catch (Exception e) {
            throw new StorageUnavailableException(e);
        }
    }

    public void removeQuietly(String key) {
        try {
            remove(key);
        } catch (StorageUnavailableException e) {
            log.warn("Could not remove {} from storage: {}", key, e.getMessage());
        }
    }

    private List<FieldProblem> problems(String name, long size, String type, Uploader uploader) {
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
        } else if (uploader == Uploader.CUSTOMER && !FileTypes.isAllowedFromCustomers(type)) {
            return List.of(FieldProblem.of("file", "file.error.type-customer", name));
        }
        return List.of();
    }

    /**
     * The last segment of what the browser sent, without control characters, Unicode format characters (the bidi
     * overrides and isolates that make "invoice[U+202E]fdp.exe" read as "invoiceexe.pdf", zero-width characters) and line or
     * paragraph separators; null when nothing is left.
     */
    static String cleanName(String original) {
        if (original == null) {
            return null;
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        return name.isEmpty() || name.equals(".") || name.equals("..") ? null : name;
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
