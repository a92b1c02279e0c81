package io.clientspace.demo;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.project.ClientProject;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestDraft;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Client requests on Nordlicht in every state: queued, in progress, waiting for Lena's answer, resolved and waiting
 * for her confirmation, closed, cancelled, and a P1 outage nobody has taken whose one-hour response target is about
 * to pass (the queue shows it as breaching; an hour after the demo loads, its timer escalates it for real).
 */
@Component
@ConditionalOnProperty(name = "clientspace.demo-data", havingValue = "true")
class ClientRequestDemoData {

    private static final Logger log = LoggerFactory.getLogger(ClientRequestDemoData.class);

    private final ClientRequestService requests;
    private final PortalAccessPolicy portalAccess;
    private final Clock clock;

    ClientRequestDemoData(ClientRequestService requests, PortalAccessPolicy portalAccess, Clock clock) {
        this.requests = requests;
        this.portalAccess = portalAccess;
        this.clock = clock;
    }

    /** Runs as an admin, after the project is shared and Lena Hoffmann (username {@code customer}) has access. */
    void fill(ClientProject project) {
        fill(project, "customer");
    }

    /** The same for any project whose client's portal account {@code username} acts as Lena Hoffmann. */
    void fill(ClientProject project, String username) {
        try {
            LocalDate today = LocalDate.now(clock);
            raise(project, username, new RequestDraft("GENERAL", "The staging site is down",
                    "Since this morning the staging site shows an error page.", project.id(), null, null));
            raise(project, username, new RequestDraft("QUOTE", "Can you quote a brochure?",
                    "Eight pages, 500 copies, for the trade fair in March.", null, today.plusDays(20), null));

            ClientRequest logo = raise(project, username, new RequestDraft("TECHNICAL",
                    "Replace the logo in the footer", "The footer still shows the old logo.", project.id(), null,
                    null));
            requests.take(logo.id());

            ClientRequest access = raise(project, username, new RequestDraft("ACCOUNT",
                    "Access for our new colleague", "Jan Vogel needs access to the project.", project.id(), null,
                    null));
            ClientRequest accessTaken = requests.take(access.id());
            requests.askClient(access.id(), "Should Jan see the invoices too, or only the project?",
                    accessTaken.version());

            ClientRequest invoice = requests.raiseForClient(project.clientId(), new RequestDraft("BILLING",
                    "Please change the invoice address", "Phone call: the invoices go to the Hamburg office now.",
                    null, null, null));
            ClientRequest invoiceTaken = requests.take(invoice.id());
            requests.resolve(invoice.id(), "Changed: invoices go to Speicherstadt 12, Hamburg from now on.",
                    invoiceTaken.version());

            ClientRequest typo = raise(project, username, new RequestDraft("GENERAL", "Typo on the team page",
                    "\"Architeckten\" on the team page.", project.id(), null, null));
            ClientRequest typoTaken = requests.take(typo.id());
            ClientRequest typoResolved = requests.resolve(typo.id(), "Fixed.", typoTaken.version());
            asLena(project, username, lena -> requests.confirmForCustomer(lena, typo.id(),
                    typoResolved.version()));

            ClientRequest dup = raise(project, username, new RequestDraft("GENERAL", "Newsletter sign-up",
                    "Can the site have a newsletter sign-up?", null, null, null));
            asLena(project, username, lena -> requests.cancelForCustomer(lena, dup.id(), dup.version()));
        } catch (RuntimeException e) {
            log.warn("Could not create the demo client requests: {}", e.getMessage());
        }
    }

    private ClientRequest raise(ClientProject project, String username, RequestDraft draft) {
        return asLena(project, username, lena -> requests.raiseForCustomer(lena, draft));
    }

    private <T> T asLena(ClientProject project, String username, Function<CustomerScope, T> steps) {
        return DemoActors.lena(portalAccess, username, project.clientId(), steps);
    }
}
