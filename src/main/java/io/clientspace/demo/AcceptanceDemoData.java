package io.clientspace.demo;

import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.document.ClientDocument;
import io.clientspace.document.DocumentService;
import io.clientspace.document.DocumentType;
import io.clientspace.extranet.PortalAccessPolicy;
import io.clientspace.shared.WorkScope;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Nordlicht's acceptances, one in each state: the framework agreement accepted by Lena Hoffmann (with its evidence),
 * the statement of work due within 48 hours (amber in her portal), the design-phase acceptance act pending, and a
 * content plan whose deadline passed (ready to be sent again).
 */
@Component
class AcceptanceDemoData {

    private final AcceptanceService acceptances;
    private final DocumentService documents;
    private final PortalAccessPolicy portalAccess;
    private final Clock clock;

    AcceptanceDemoData(AcceptanceService acceptances, DocumentService documents, PortalAccessPolicy portalAccess,
                       Clock clock) {
        this.acceptances = acceptances;
        this.documents = documents;
        this.portalAccess = portalAccess;
        this.clock = clock;
    }

    /** Runs inside DemoData's admin context; sends as the client's owner and accepts as the demo customer. */
    void fill(UUID nordlicht, UUID relaunchProject, Path act, Path contentPlan) {
        Map<String, ClientDocument> byTitle = new HashMap<>();
        documents.forClient(nordlicht).forEach(d -> byTitle.put(d.title(), d));
        Instant now = clock.instant();

        UUID agreement = finalVersion(byTitle.get("Framework agreement 2026"));
        var accepted = DemoActors.manager(() -> acceptances.send(agreement, now.plus(Duration.ofDays(10))));
        DemoActors.lena(portalAccess, "customer", nordlicht, lena -> acceptances.accept(lena, accepted.id(),
                "Lena Hoffmann", "127.0.0.1", "Demo data"));

        UUID sow = latestVersion(byTitle.get("Statement of work: website relaunch"));
        DemoActors.manager(() -> acceptances.send(sow, now.plus(Duration.ofHours(30))));

        ClientDocument designAct = DemoActors.manager(() -> documents.create(new WorkScope(nordlicht, relaunchProject),
                "Acceptance act: design phase", DocumentType.ACT, "acceptance-act-design-phase.pdf", act));
        DemoActors.manager(() -> acceptances.send(latestVersion(designAct), now.plus(Duration.ofDays(9))));

        ClientDocument plan = DemoActors.manager(() -> documents.create(new WorkScope(nordlicht, relaunchProject),
                "Content plan, first draft", DocumentType.OTHER, "content-plan-draft.pdf", contentPlan));
        var expired = DemoActors.manager(() -> acceptances.send(latestVersion(plan), now.plus(Duration.ofHours(2))));
        // as if its deadline had passed: the model's own expiry timer, fired now
        acceptances.expireNow(expired.id());
    }

    private UUID finalVersion(ClientDocument d) {
        return documents.versions(d.id()).stream().filter(v -> v.isFinal()).findFirst()
                .orElseGet(() -> documents.versions(d.id()).get(0)).id();
    }

    private UUID latestVersion(ClientDocument d) {
        return DemoActors.manager(() -> documents.versions(d.id()).get(0).id());
    }
}
