package io.clientspace.proposal;

import io.clientspace.deal.DealNavigation;
import java.util.UUID;

/** Where proposals are in the UI: their tab on the client workspace, and the customer's pages in the portal. */
public final class ProposalNavigation {

    /** The Proposals tab's id on the client workspace; the deal module names it too, as it cannot depend on us. */
    public static final String TAB = DealNavigation.PROPOSALS_TAB;

    /** The portal's list of proposals. */
    public static final String PORTAL_LIST = "portal/proposals";

    /** The route of one proposal in the portal; {@link #portalPage} fills it in. */
    public static final String PORTAL_ROUTE = "portal/proposals/:proposalId";

    private ProposalNavigation() {
    }

    public static String portalPage(UUID proposalId) {
        return PORTAL_LIST + "/" + proposalId;
    }
}
