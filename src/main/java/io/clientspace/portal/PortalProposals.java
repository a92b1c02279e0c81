package io.clientspace.portal;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.file.SharedDownload;
import io.clientspace.proposal.CustomerProposal;
import io.clientspace.proposal.ProposalAnswer;
import io.clientspace.proposal.ProposalService;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The portal's Proposals pages: the proposals sent to the viewer's client, and the customer's answer. The proposal
 * module verifies the viewer on every call (answers refuse a manager's read-only "view as client") and scopes every
 * read by the viewer's client, so another customer's proposal answers NotFound.
 */
@Service
public class PortalProposals {

    private final PortalService portal;
    private final ProposalService proposals;

    PortalProposals(PortalService portal, ProposalService proposals) {
        this.portal = portal;
        this.proposals = proposals;
    }

    /** The client's sent proposals, newest first. */
    @Transactional(readOnly = true)
    public List<CustomerProposal> list(CustomerScope viewer) {
        return proposals.forCustomer(viewer);
    }

    /** @throws io.clientspace.shared.NotFoundException when it is not the client's or was never sent */
    @Transactional(readOnly = true)
    public CustomerProposal get(CustomerScope viewer, UUID proposalId) {
        return proposals.forCustomer(viewer, proposalId);
    }

    /**
     * The contact accepts by typing their name; see {@link ProposalService#accept}.
     *
     * @param ip the address the answer came from, kept as evidence
     * @throws io.clientspace.shared.NoAccessException for a manager viewing as the client
     */
    @Transactional
    public ProposalAnswer accept(CustomerScope viewer, UUID proposalId, String typedName, String ip) {
        return proposals.accept(viewer, proposalId, typedName, ip);
    }

    /** The contact declines with a reason; see {@link ProposalService#decline}. */
    @Transactional
    public ProposalAnswer decline(CustomerScope viewer, UUID proposalId, String reason, String ip) {
        return proposals.decline(viewer, proposalId, reason, ip);
    }

    /**
     * A short-lived link to the proposal as PDF, in the language of the viewer's contact; see
     * {@link ProposalService#customerPdfLink}.
     */
    @Transactional
    public String pdf(CustomerScope viewer, UUID proposalId) {
        return proposals.customerPdfLink(viewer, proposalId);
    }

    /** A short-lived link to a file attached to the proposal; a customer's download is recorded. */
    @Transactional
    public String attachment(CustomerScope viewer, UUID proposalId, UUID fileId) {
        SharedDownload d = proposals.customerAttachment(viewer, proposalId, fileId);
        portal.recordDownload(viewer, PortalDocument.Kind.FILE, fileId, d.title());
        return d.link();
    }
}
