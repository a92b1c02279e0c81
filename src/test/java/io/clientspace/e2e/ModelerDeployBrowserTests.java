package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import io.clientspace.modeling.LeavesTheEngineAsFound;
import io.clientspace.modeling.ModelerRequests;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A process owner connects Camunda Modeler from the Processes page: the dialog gives the endpoint and a token, the
 * Modeler's deploy (sent here as the Modeler sends it) becomes the next version, listed as "From Camunda Modeler"
 * with the deployment name as its note, and a refused file comes back with the gate's reasons (issue 12, item 5).
 */
@ExtendWith(LeavesTheEngineAsFound.class)
class ModelerDeployBrowserTests extends BrowserTest {

    @Test
    void aProcessOwnerDeploysFromTheModelerWithTheDialogsTokenAndSeesTheVersion() throws Exception {
        signIn("/processes", "process", "process");
        page.locator("#modeler-open").click();
        Locator endpoint = page.locator("#modeler-endpoint input");
        assertThat(endpoint).hasValue(java.util.regex.Pattern.compile("^https?://.+/engine-rest$"));
        assertThat(page.locator("#modeler-token-validity")).containsText("Valid until");
        String token = page.locator("#modeler-token textarea").inputValue();
        assertThat(token.split("\\.")).hasSize(3);
        screenshot("processes-modeler-dialog");

        // what the Modeler's "Test connection" and "Deploy" send, with the token pasted from the dialog
        assertThat(ModelerRequests.get(url("/engine-rest/deployment?maxResults=0"), token).statusCode())
                .isEqualTo(200);
        String file = Files.readString(Path.of("processes", "deal-stages.bpmn")).replace("P14D", "P10D");
        HttpResponse<String> deployed = ModelerRequests.deploy(url(""), token, "Stall after ten days",
                Map.of("deal-stages.bpmn", file), null);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        String unsafe = file.replace("${outcome == 'lost'}", "${execution.processEngineServices != null}");
        HttpResponse<String> refused = ModelerRequests.deploy(url(""), token, "Sneaky",
                Map.of("deal-stages.bpmn", unsafe), null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Not deployed.");

        page.locator("#modeler-close").click();
        page.navigate(url("/processes/model/deal-stages"));
        Locator versions = page.locator("#model-versions");
        assertThat(versions).containsText("From Camunda Modeler");
        assertThat(versions).containsText("Stall after ten days");
        assertThat(versions).not().containsText("Sneaky");
        assertThat(page.locator("#setting-stallAfter input")).hasValue("P10D");
        screenshot("processes-model-after-modeler-deploy");
    }

    @Test
    void theDialogSpeaksGerman() {
        context.close();
        context = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions().setLocale("de-DE")
                .setViewportSize(1440, 900));
        watchPolicy(context);
        page = context.newPage();
        signIn("/processes", "process", "process");
        page.locator("#modeler-open").click();
        assertThat(page.locator("vaadin-dialog-overlay")).containsText("Bearer-Token");
        assertThat(page.locator("#modeler-token-validity")).containsText("Gültig bis");
        page.waitForLoadState();
        screenshot("processes-modeler-dialog-de");
        assertThat(page.locator("#modeler-token textarea")).not().hasValue("");
    }
}
