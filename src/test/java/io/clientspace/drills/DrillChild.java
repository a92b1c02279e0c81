package io.clientspace.drills;

import static io.clientspace.support.Actors.asCustomer;
import static io.clientspace.support.Actors.asManager;

import io.clientspace.ClientspaceApplication;
import io.clientspace.acceptance.Acceptance;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.deal.DealService;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.portal.PortalTestData;
import io.clientspace.extranet.CustomerScope;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The app in a child JVM for the kill drill: starts Clientspace (settings come as system properties) and runs 50
 * rounds, each a deal creation and an acceptance (a contract sent to the client's portal contact, who accepts every
 * other one), printing a line for each committed step, until it is killed.
 */
public final class DrillChild {

    static final String READY = "DRILL-CHILD-CLIENT ";
    static final String CREATED = "DRILL-CHILD-CREATED ";
    /** An acceptance sent and waiting for the contact. */
    static final String SENT = "DRILL-CHILD-SENT ";
    /** An acceptance the contact accepted. */
    static final String ACCEPTED = "DRILL-CHILD-ACCEPTED ";
    static final int ROUNDS = 50;
    static final String CONTACT_NAME = "Test Customer drill";

    private DrillChild() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(ClientspaceApplication.class)
                .run(args);
        PortalTestData.World world = context.getBean(PortalTestData.class).world("drill");
        System.out.println(READY + world.client().id());
        DealService deals = context.getBean(DealService.class);
        DocumentService documents = context.getBean(DocumentService.class);
        AcceptanceService acceptances = context.getBean(AcceptanceService.class);
        CustomerScope contact = asCustomer(world.username(), world.client().id(),
                () -> context.getBean(PortalAccessPolicy.class).current().orElseThrow());
        for (int i = 0; i < ROUNDS; i++) {
            UUID deal = asManager(() -> deals.create(world.client().id(), Drills.deal("Killed mid-run"))).id();
            System.out.println(CREATED + deal);
            int round = i;
            Acceptance sent = asManager(() -> {
                ClientDocument contract = documents.create(world.project().scope(), "Drill contract " + round,
                        DocumentType.CONTRACT, "drill-contract-" + round + ".pdf",
                        PortalTestData.pdf("drill contract " + round));
                documents.setShared(contract.id(), true);
                return acceptances.send(documents.versions(contract.id()).get(0).id(),
                        Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.SECONDS));
            });
            if (i % 2 == 0) {
                asCustomer(world.username(), world.client().id(), () -> acceptances.accept(contact, sent.id(),
                        CONTACT_NAME, "203.0.113.9", "Kill drill"));
                System.out.println(ACCEPTED + sent.id());
            } else {
                System.out.println(SENT + sent.id());
            }
        }
        System.exit(0);
    }
}
