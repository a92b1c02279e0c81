package io.clientspace.portal;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.acceptance.AcceptOutcome;
import io.clientspace.acceptance.AcceptanceService;
import io.clientspace.acceptance.CustomerAcceptance;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The portal's side of acceptances: checks the viewer, then hands it to {@link AcceptanceService}, which verifies it
 * again (answered from the request's cache) and answers for exactly that viewer's client. Accepting is the customer's
 * own act; a manager's "view as client" may look but not accept. The facade's own check stays for now: without it,
 * AcceptanceJourneyBrowserTests lost the typed name twice in a row (cause not yet found).
 */
@Service
public class PortalAcceptances {

    private final PortalService portal;
    private final AcceptanceService acceptances;

    PortalAcceptances(PortalService portal, AcceptanceService acceptances) {
        this.portal = portal;
        this.acceptances = acceptances;
    }

    /** Newest first. */
    public List<CustomerAcceptance> list(CustomerScope viewer) {
        portal.check(viewer);
        return acceptances.forCustomer(viewer);
    }

    /** @throws io.clientspace.shared.NotFoundException when it is not the viewer's client's */
    public CustomerAcceptance get(CustomerScope viewer, UUID acceptanceId) {
        portal.check(viewer);
        return acceptances.forCustomer(viewer, acceptanceId);
    }

    /** A short-lived link to the version: {@code inline} for the preview, otherwise a download. */
    public String link(CustomerScope viewer, UUID acceptanceId, boolean inline) {
        portal.check(viewer);
        return acceptances.customerLink(viewer, acceptanceId, inline);
    }

    /**
     * Accepts as the signed-in contact; see {@link AcceptanceService#accept}.
     *
     * @throws io.clientspace.shared.NoAccessException for a manager's read-only view
     */
    public AcceptOutcome accept(CustomerScope viewer, UUID acceptanceId, String typedName, String ipAddress,
                                String userAgent) {
        portal.checkActing(viewer);
        return acceptances.accept(viewer, acceptanceId, typedName, ipAddress, userAgent);
    }
}
