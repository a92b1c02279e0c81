package io.clientspace.file;

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
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Object storage for every module that keeps bytes (files, document versions, later portal uploads): checks an
 * upload, writes it, signs short-lived download links, and cleans up after a failed save. The bytes of a download
 * never pass through the app.
 */
@Component
public class ObjectStore {

    private static final Logger log = LoggerFactory.getLogger(ObjectStore.class);
    public static final int NAME_MAX = 255;

    /** An upload that passed the checks: the name to keep, its type read from the bytes, and its size. */
    public record Accepted(String name, String contentType, long size) {
    }

    private final MinioClient minio;
    private final MinioClient presigner;
    private final StorageProperties storage;
    private final FileProperties limits;

    public ObjectStore(MinioClient minio, @Qualifier("presigner") MinioClient presigner, StorageProperties storage,
                       FileProperties limits) {
        this.minio = minio;
        this.presigner = presigner;
        this.storage = storage;
        this.limits = limits;
    }

    public long maxSizeBytes() {
        return limits.maxSizeBytes();
    }

    /**
     * Checks name, size and type of an uploaded file.
     *
     * @throws InvalidInputException with one problem on field "file" when it is refused
     */
    public Accepted check(String originalName, Path content) {
        String name = cleanName(originalName);
        long size;
        String type;
        try {
            size = Files.size(content);
            type = size == 0 || name == null ? null : FileTypes.detect(content, name);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the uploaded file", e);
        }
        InvalidInputException.throwIfAny(problems(name, size, type));
        return new Accepted(name, type, size);
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

    /** A link that downloads the object as an attachment with the given name, valid for at most 5 minutes. */
    public String downloadLink(String key, String fileName, String contentType) {
        return link(key, "attachment", fileName, contentType);
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
            log.warn("Could not remove {} after a failed save: {}", key, e.getMessage());
        }
    }

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

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
