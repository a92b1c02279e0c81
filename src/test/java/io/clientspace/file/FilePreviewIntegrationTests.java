package io.clientspace.file;

import static io.clientspace.support.Actors.asManager;
import static io.clientspace.support.Actors.asMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.support.ClientspaceIntegrationTest;
import io.clientspace.support.TestFiles;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff look at PDFs and images in the app; every other type only ever downloads (issue 17). */
@ClientspaceIntegrationTest
class FilePreviewIntegrationTests {

    /** A 1x1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    @Autowired
    FileService files;
    @Autowired
    ClientService clients;

    @TempDir
    Path dir;
    Client client;

    @BeforeEach
    void client() {
        client = asManager(() -> clients.create(ClientTestData.company("manager"), false));
    }

    @Test
    void anImageIsShownInlineWithItsOwnTypeAndATextFileDownloads() throws Exception {
        StoredFile image = asManager(() -> files.upload(client.id(), "site-photo.png", file(PNG)));
        StoredFile text = asManager(() -> files.upload(client.id(), "notes.txt",
                file("Meeting notes".getBytes(StandardCharsets.UTF_8))));

        FilePreview shown = asManager(() -> files.preview(image.id()));
        assertThat(shown.inline()).isTrue();
        HttpResponse<byte[]> response = get(shown.link());
        assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).startsWith("inline").contains("site-photo.png"));
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(response.body()).isEqualTo(PNG);

        FilePreview downloaded = asManager(() -> files.preview(text.id()));
        assertThat(downloaded.inline()).isFalse();
        assertThat(get(downloaded.link()).headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).startsWith("attachment"));
    }

    @Test
    void noPreviewOfAFileInTheTrashOrOfAClientOutsideTheWorkGroup() throws Exception {
        StoredFile image = asManager(() -> files.upload(client.id(), "plan.png", file(PNG)));

        assertThatThrownBy(() -> asMember(() -> files.preview(image.id()))).isInstanceOf(NoAccessException.class);
        asManager(() -> files.delete(image.id()));
        assertThatThrownBy(() -> asManager(() -> files.preview(image.id()))).isInstanceOf(NotFoundException.class);
    }

    private static HttpResponse<byte[]> get(String link) {
        return TestFiles.get(link);
    }

    private Path file(byte[] bytes) {
        return TestFiles.write(dir, bytes);
    }
}
