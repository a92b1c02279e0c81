package io.clientspace.deal;

import java.util.Optional;
import java.util.UUID;

/** Where deals are in the UI: their tab on the client workspace, and how another tab is asked to act on a deal. */
public final class DealNavigation {

    /** The Deals tab's id on the client workspace ({@code ?tab=deals}). */
    public static final String TAB = "deals";

    /** The client workspace tab where proposals are made; it understands {@link #newProposalFor}. */
    public static final String PROPOSALS_TAB = "proposals";

    private static final String NEW_PROPOSAL = "new-for-deal=";

    private DealNavigation() {
    }

    /** The argument that opens the proposals tab with a new proposal for this deal. */
    public static String newProposalFor(UUID dealId) {
        return NEW_PROPOSAL + dealId;
    }

    /** The deal a {@link #newProposalFor} argument names; empty for any other argument. */
    public static Optional<UUID> dealOfNewProposal(String argument) {
        if (argument == null || !argument.startsWith(NEW_PROPOSAL)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(argument.substring(NEW_PROPOSAL.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
