package io.clientspace.portal;

import io.clientspace.shared.FirmModule;
import io.clientspace.shared.Modules;
import io.clientspace.acceptance.AcceptanceNavigation;
import io.clientspace.acceptance.AcceptanceStatus;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.extranet.PortalSection;
import io.clientspace.inforequest.RequestItem;
import io.clientspace.inforequest.RequestNavigation;
import io.clientspace.proposal.ProposalNavigation;
import io.clientspace.request.ClientRequestNavigation;
import io.clientspace.request.RequestState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's start page: everything that waits for the signed-in contact, most urgent first (DD031). It owns no
 * query of its own: it reads the same scoped lists the portal's pages show (each module filters by the viewer's
 * client and its shared projects), and keeps what has the client's turn.
 */
@Service
public class PortalDashboard {

    /** An acceptance due within this is shown in amber, as on the Acceptances page. */
    public static final Duration DUE_SOON = Duration.ofHours(48);

    private static final Comparator<PortalWaiting> URGENCY = Comparator.comparing(PortalWaiting::kind)
            .thenComparing(PortalWaiting::due, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PortalWaiting::since, Comparator.nullsLast(Comparator.naturalOrder()));

    private final PortalService portal;
    private final PortalClientRequests clientRequests;
    private final PortalRequests informationRequests;
    private final PortalAcceptances acceptances;
    private final PortalProposals proposals;
    private final Clock clock;
    private final Modules modules;

    PortalDashboard(PortalService portal, PortalClientRequests clientRequests, PortalRequests informationRequests,
                    PortalAcceptances acceptances, PortalProposals proposals, Clock clock,
                    Modules modules) {
        this.modules = modules;
        this.portal = portal;
        this.clientRequests = clientRequests;
        this.informationRequests = informationRequests;
        this.acceptances = acceptances;
        this.proposals = proposals;
        this.clock = clock;
    }

    /**
     * What waits for the viewer, in order: the team's questions on the client's requests and resolutions to confirm,
     * information requests with items to answer, acceptances (soonest deadline first) and proposals to decide.
     * Empty when nothing waits.
     */
    @Transactional(readOnly = true)
    public List<PortalWaiting> waiting(CustomerScope viewer) {
        portal.check(viewer);
        // only what the contact's policy shows, and decisions only for those who may take them (DD035)
        boolean deciding = portal.mayDecide(viewer);
        Instant now = clock.instant();
        List<PortalWaiting> result = new ArrayList<>();
        // what belongs to a module the firm switched off does not wait for anyone here (DD034)
        (modules.isOn(FirmModule.CLIENT_REQUESTS) && portal.sees(viewer, PortalSection.REQUESTS) ? clientRequests.list(viewer) : List.<io.clientspace.request.ClientRequest>of()).stream().filter(r -> r.state().waitsOnClient()).forEach(r -> {
            boolean question = r.state() == RequestState.WAITING_CLIENT;
            result.add(new PortalWaiting(question ? PortalWaiting.Kind.REQUEST_QUESTION
                    : PortalWaiting.Kind.REQUEST_CONFIRM, r.id(), r.number(), r.subject(),
                    question ? r.askedAt() : r.resolvedAt(), question ? null : r.confirmBy(), false, 0, 0,
                    ClientRequestNavigation.portalPage(r.id())));
        });
        (modules.isOn(FirmModule.INFORMATION_REQUESTS) && portal.sees(viewer, PortalSection.INFORMATION_REQUESTS) ? informationRequests.list(viewer)
                : List.<io.clientspace.inforequest.InformationRequest>of()).stream().filter(r -> r.status().isOpen()).forEach(r -> {
            List<RequestItem> open = r.items().stream().filter(i -> i.state().waitsOnCustomer()).toList();
            if (open.isEmpty()) {
                return;
            }
            Instant due = open.stream().map(RequestItem::due).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .map(d -> d.atStartOfDay(clock.getZone()).toInstant()).orElse(null);
            result.add(new PortalWaiting(PortalWaiting.Kind.INFORMATION_REQUEST, r.id(), r.number(), r.title(),
                    r.sentAt(), due, false, open.size(), r.total(), RequestNavigation.portalPage(r.id())));
        });
        (deciding && modules.isOn(FirmModule.ACCEPTANCES) && portal.sees(viewer, PortalSection.ACCEPTANCES) ? acceptances.list(viewer)
                : List.<io.clientspace.acceptance.CustomerAcceptance>of()).stream().filter(a -> a.status() == AcceptanceStatus.PENDING).forEach(a ->
                result.add(new PortalWaiting(PortalWaiting.Kind.ACCEPTANCE, a.id(), null, a.documentTitle(),
                        a.sentAt(), a.expiresAt(), a.expiresAt() != null && a.expiresAt().isBefore(now.plus(DUE_SOON)),
                        0, 0, AcceptanceNavigation.portalPage(a.id()))));
        (deciding && modules.isOn(FirmModule.PROPOSALS) && portal.sees(viewer, PortalSection.PROPOSALS) ? proposals.list(viewer)
                : List.<io.clientspace.proposal.CustomerProposal>of()).stream().filter(p -> p.isPending()).forEach(p ->
                result.add(new PortalWaiting(PortalWaiting.Kind.PROPOSAL, p.id(), p.number(), p.title(), p.sentAt(),
                        p.validUntil() == null ? null : p.validUntil().atStartOfDay(clock.getZone()).toInstant(),
                        false, 0, 0, ProposalNavigation.portalPage(p.id()))));
        result.sort(URGENCY);
        return result;
    }
}
