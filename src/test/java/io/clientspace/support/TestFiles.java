package io.clientspace.support;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small files for upload tests, what storage holds under a prefix, and fetching a presigned link. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The bytes of a minimal PDF that names the text, so that two of them differ. */
    public static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes in a new file in the directory. */
    public static Path write(Path dir, byte[] bytes) {
        try {
            return Files.write(Files.createTempFile(dir, "upload", ".bin"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of every object under the prefix. */
    public static List<String> objectsUnder(MinioClient minio, String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        try {
            for (var item : minio.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true)
                    .build())) {
                keys.add(item.get().objectName());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    /** Fetches a link as a browser would, without credentials. */
    public static HttpResponse<byte[]> get(String link) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(link)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
