package io.clientspace.demo;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.ItemKind;
import io.clientspace.inforequest.RequestDraft;
import io.clientspace.inforequest.RequestItemDraft;
import io.clientspace.project.ClientProject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Information requests in Nordlicht's shared relaunch project, one in each state: a draft, one sent and untouched,
 * one in progress with an item returned to the customer, a completed and a cancelled one. The customer's steps go
 * through the service's customer methods as Lena Hoffmann, signed in as herself: a "view as client" only reads.
 */
@Component
@ConditionalOnProperty(name = "clientspace.demo-data", havingValue = "true")
class RequestDemoData {

    private static final Logger log = LoggerFactory.getLogger(RequestDemoData.class);

    private final InformationRequestService requests;
    private final PortalAccessPolicy portalAccess;
    private final Clock clock;

    RequestDemoData(InformationRequestService requests, PortalAccessPolicy portalAccess, Clock clock) {
        this.requests = requests;
        this.portalAccess = portalAccess;
        this.clock = clock;
    }

    /** Runs as an admin, after the project is shared and Lena Hoffmann (username {@code customer}) has access. */
    void fill(ClientProject project) {
        fill(project, "customer");
    }

    /** The same for any project whose client's portal account {@code username} answers as Lena Hoffmann. */
    void fill(ClientProject project, String username) {
        try {
            LocalDate today = LocalDate.now(clock);
            requests.createDraft(project.id(), new RequestDraft("Photos for the project archive", List.of(
                    new RequestItemDraft(ItemKind.FILE, "Photos of the Elbe offices, in high resolution", null),
                    new RequestItemDraft(ItemKind.QUESTION, "Which projects should the archive show first?", null))));

            send(project, "Careers section content", List.of(
                    new RequestItemDraft(ItemKind.QUESTION, "Which open positions should the careers page list?",
                            today.plusDays(10)),
                    new RequestItemDraft(ItemKind.FILE, "A team photo we may publish", today.plusDays(10)),
                    new RequestItemDraft(ItemKind.QUESTION, "Who should applicants write to?", null)));

            InformationRequest brand = send(project, "Brand assets", List.of(
                    new RequestItemDraft(ItemKind.QUESTION, "Which brand colours do you use?", today.plusDays(3)),
                    new RequestItemDraft(ItemKind.FILE, "Your logo as a vector file", today.plusDays(3)),
                    new RequestItemDraft(ItemKind.QUESTION, "Which fonts are licensed for the web?", null)));
            asLena(project, username, lena -> {
                requests.uploadForCustomer(lena, brand.id(), brand.items().get(1).id(), "nordlicht-logo.pdf",
                        DemoData.demoPdf("Nordlicht logo, vector"));
                requests.submitForCustomer(lena, brand.id(),
                        Map.of(brand.items().get(0).id(), "Dark blue and white, like the letterhead."));
            });
            requests.accept(brand.items().get(1).id());
            requests.returnToCustomer(brand.items().get(0).id(),
                    "Could you send the exact colour codes (hex or RGB)? The letterhead PDF shows several blues.");

            InformationRequest hosting = send(project, "Domain and hosting access", List.of(
                    new RequestItemDraft(ItemKind.QUESTION, "Where is nordlicht.example registered?", null),
                    new RequestItemDraft(ItemKind.QUESTION, "Who at Nordlicht can approve DNS changes?", null)));
            asLena(project, username, lena -> requests.submitForCustomer(lena, hosting.id(), Map.of(
                    hosting.items().get(0).id(), "At our registrar, Hamburg Domains; our IT contact has the login.",
                    hosting.items().get(1).id(), "Me, Lena Hoffmann, or Jan Vogel when I am away.")));
            hosting.items().forEach(i -> requests.accept(i.id()));

            InformationRequest brochure = send(project, "Printed brochure texts", List.of(
                    new RequestItemDraft(ItemKind.FILE, "The current brochure as a PDF", null)));
            requests.cancel(brochure.id());
        } catch (RuntimeException e) {
            log.warn("Could not create the demo information requests: {}", e.getMessage());
        }
    }

    private void asLena(ClientProject project, String username, Consumer<CustomerScope> steps) {
        DemoActors.lena(portalAccess, username, project.clientId(), lena -> {
            steps.accept(lena);
            return null;
        });
    }

    private InformationRequest send(ClientProject project, String title, List<RequestItemDraft> items) {
        InformationRequest draft = requests.createDraft(project.id(), new RequestDraft(title, items));
        return requests.send(draft.id());
    }
}
