package io.clientspace.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import io.clientspace.portal.PortalTestData;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every staff route that takes an id, opened by a member with another client's ids: the member (Tom Becker, in no
 * work group of that client) gets the no-access page, and none of the client's names or titles shows.
 * {@code PortalRouteInventoryTests} checks that {@link #WALKED} lists every staff route with a parameter.
 */
class StaffIsolationBrowserTests extends BrowserTest {

    /** The staff route templates with parameters that {@link #steps} walks. */
    static final List<String> WALKED = List.of(
            "clients/:kind/:id",
            "client-projects/:id",
            "clients/view-as/:accountId",
            "processes/model/:___url_parameter",
            "processes/edit/:___url_parameter");

    /**
     * A path, and the id of the element that says "no access" on it. {@code inLayout}: the denial shows inside the
     * app's layout (a record the member may not see); pages their role may not open at all show the bare
     * access-denied page instead.
     */
    record Step(String template, String path, String deniedMarker, String deniedText, boolean inLayout) {
        Step(String template, String path, String deniedMarker, String deniedText) {
            this(template, path, deniedMarker, deniedText, true);
        }
    }

    @Autowired
    PortalTestData data;

    PortalTestData.World other;

    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        for (String template : WALKED) {
            switch (template) {
                case "clients/:kind/:id" -> steps.add(new Step(template, "/clients/company/" + other.client().id(),
                        "#workspace-denied", "You don't have access to this client"));
                case "client-projects/:id" -> {
                    steps.add(new Step(template, "/client-projects/" + other.project().id(), "#project-denied",
                            "You don't have access to this project"));
                    steps.add(new Step(template, "/client-projects/" + other.hiddenProject().id(), "#project-denied",
                            "You don't have access to this project"));
                }
                case "clients/view-as/:accountId" -> steps.add(new Step(template,
                        "/clients/view-as/" + other.accountId(), "#view-as-client",
                        "Only managers view as the client"));
                // process owners' pages (issue 12): a member is no process owner
                case "processes/model/:___url_parameter" -> steps.add(new Step(template,
                        "/processes/model/deal-stages", "#access-denied", "This page is not for you", false));
                case "processes/edit/:___url_parameter" -> steps.add(new Step(template,
                        "/processes/edit/deal-stages", "#access-denied", "This page is not for you", false));
                default -> throw new IllegalStateException("No walk step for " + template + ": add one to steps()");
            }
        }
        Set<String> walked = new LinkedHashSet<>();
        steps.forEach(s -> walked.add(s.template()));
        org.assertj.core.api.Assertions.assertThat(walked).as("templates with a step").containsExactlyElementsOf(WALKED);
        return steps;
    }

    @Test
    void aMemberOutsideTheClientIsDeniedEveryStaffRouteWithItsIds() {
        other = data.world("outside" + UUID.randomUUID().toString().substring(0, 6));
        signIn("/clients", "member", "member");
        for (Step step : steps()) {
            page.navigate(url(step.path()));
            // first the page's own content: the member's own name, and the no-access page, fully loaded
            if (step.inLayout()) {
                assertThat(page.locator("#user-menu")).containsText("Tom Becker");
            }
            assertThat(page.locator(step.deniedMarker())).containsText(step.deniedText());
            assertThat(page.locator(".state-loading")).hasCount(0);
            assertThat(page.locator(".state-error")).hasCount(0);
            org.assertj.core.api.Assertions.assertThat(page.content()).as("what %s shows", step.path())
                    .doesNotContain(other.client().name(), other.project().name(), other.hiddenProject().name(),
                            other.sharedDocument().title(), other.unsharedDocument().title(),
                            other.sharedFile().name(), other.task().title(), "Test Customer " + other.marker());
        }
        screenshot("staff-isolation-member");
    }
}
