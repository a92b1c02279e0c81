package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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

/** A manager files the client's contract, marks its signed version final, and sees the key documents line change. */
class DocumentJourneyBrowserTests extends BrowserTest {

    @Autowired
    ClientService clients;

    @TempDir
    Path dir;

    @Test
    void aContractWithAFinalVersionProvidesTheRequiredContract() throws Exception {
        Client client = Actors.asManager(() -> clients.create(ClientTestData.company("manager"), false));
        Path contract = Files.write(dir.resolve("agreement.pdf"),
                "%PDF-1.4\n% agreement\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));

        signIn("/" + client.workspacePath(), "manager", "manager");
        page.locator("#tab-documents").click();
        // every client gets the default template's contract, invoice and act as required documents
        assertThat(page.locator("#count-documents")).hasText("0 ready · 0 pending · 3 required to do");
        assertThat(page.locator("#tab-content-documents")).containsText("No documents yet");
        screenshot("workspace-documents-empty");

        page.locator("#new-document").click();
        page.locator("#document-save").click();
        assertThat(page.locator("#document-title")).hasAttribute("invalid", "");
        page.locator("#document-title input").fill("Service agreement");
        page.locator("#document-file input[type=file]").setInputFiles(contract);
        assertThat(page.locator(".upload-chosen")).hasText("agreement.pdf");
        page.locator("#document-save").click();

        assertThat(page.locator("#document-grid")).containsText("Service agreement");
        assertThat(page.locator(".key-contract")).hasText("Contract not final");
        assertThat(page.locator(".key-act")).hasText("Act missing");

        page.locator("#document-grid").getByText("Service agreement").click();
        assertThat(page.locator("#document-versions")).containsText("agreement.pdf");
        page.locator(".mark-final").first().click();
        assertThat(page.locator(".final-badge")).isVisible();
        screenshot("document-details");
        page.locator("#document-close").click();
        assertThat(page.locator(".final-badge")).isHidden();

        assertThat(page.locator(".key-contract")).hasText("Contract provided");
        assertThat(page.locator("#count-documents")).hasText("1 ready · 0 pending · 2 required to do");
        screenshot("workspace-documents");
    }
}
