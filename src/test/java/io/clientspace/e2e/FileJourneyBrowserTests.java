package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Download;
import io.clientspace.client.Client;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientTestData;
import io.clientspace.support.Actors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** A manager drops files on the client's Files tab, downloads one, and sees a disguised program refused. */
class FileJourneyBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;

    @TempDir
    Path dir;

    @Test
    void aManagerUploadsFilesDownloadsOneAndAProgramIsRefused() throws Exception {
        Client client = Actors.asManager(() -> clients.create(ClientTestData.company("manager"), false));
        byte[] minutes = "Minutes of the kick-off meeting\nAttendees: Maria Keller, Lena Hoffmann\n"
                .getBytes(StandardCharsets.UTF_8);
        Path notes = Files.write(dir.resolve("kick-off minutes.txt"), minutes);
        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        Path disguised = Files.write(dir.resolve("invoice.pdf"), program);

        signIn("/" + client.workspacePath(), "manager", "manager");
        page.locator("#tab-files").click();
        assertThat(page.locator("#tab-content-files")).containsText("No files yet");
        screenshot("workspace-files-empty");

        page.locator("#file-upload input[type=file]").setInputFiles(new Path[] {notes, disguised});

        assertThat(page.locator("#file-grid")).containsText("kick-off minutes.txt");
        assertThat(page.locator("#count-files")).hasText("1");
        assertThat(page.locator("#upload-problems")).containsText("invoice.pdf is a program or script");
        assertThat(page.locator("#file-grid")).not().containsText("invoice.pdf");
        screenshot("workspace-files");

        Download download = page.waitForDownload(() -> page.locator(".file-download").first().click());
        org.assertj.core.api.Assertions.assertThat(download.suggestedFilename()).isEqualTo("kick-off minutes.txt");
        org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(download.path())).isEqualTo(minutes);

        page.locator(".file-delete").first().click();
        page.locator("#file-delete-yes").click();
        assertThat(page.locator("#count-files")).hasText("0");
        assertThat(page.locator("#file-trash-details")).containsText("Trash (1)");
    }
}
