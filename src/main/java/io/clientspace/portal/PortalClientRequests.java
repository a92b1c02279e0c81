package io.clientspace.portal;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestService;
import io.clientspace.request.RequestDraft;
import io.clientspace.security.RateLimits;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The portal's side of client requests (the client asks the team), and the only thing its client-request pages call:
 * hands the viewer to the request module, which verifies it and scopes every query by its client. Raising, answering,
 * confirming, reopening and cancelling are the customer's own actions; a manager's "view as client" only reads.
 */
@Service
public class PortalClientRequests {

    private final PortalService portal;
    private final ClientRequestService requests;
    private final RateLimits rateLimits;

    PortalClientRequests(PortalService portal, ClientRequestService requests, RateLimits rateLimits) {
        this.portal = portal;
        this.requests = requests;
        this.rateLimits = rateLimits;
    }

    /** The client's requests outside projects or in projects shared with them, newest first. */
    public List<ClientRequest> list(CustomerScope viewer) {
        return requests.forCustomer(viewer);
    }

    /** @throws io.clientspace.shared.NotFoundException when it is not the client's to see */
    public ClientRequest get(CustomerScope viewer, UUID requestId) {
        return requests.forCustomer(viewer, requestId);
    }

    /** The categories the New request form offers, in the triage table's order. */
    public List<String> categories() {
        return requests.categories();
    }

    /** The projects a request may be about: those shared with the client. */
    public List<PortalProject> projects(CustomerScope viewer) {
        return portal.projects(viewer);
    }

    /**
     * Raises a request as the contact. Each account may raise only so many in a while
     * (clientspace.rate-limits.portal-request); past that, an InvalidInputException (field "request") says when to
     * try again, before anything is checked or stored: no request, no file row, no object.
     *
     * @see ClientRequestService#raiseForCustomer
     */
    public ClientRequest raise(CustomerScope viewer, RequestDraft draft) {
        // before the rate limit, so that a refused viewer (a preview, a revoked account) uses up nobody's requests;
        // the request module's own checks follow
        portal.checkActing(viewer);
        rateLimits.take(RateLimits.Action.PORTAL_REQUEST, viewer.accountId().toString(), "request");
        return requests.raiseForCustomer(viewer, draft);
    }

    /** @see ClientRequestService#answerForCustomer */
    public ClientRequest answer(CustomerScope viewer, UUID requestId, String answer, long seenVersion) {
        return requests.answerForCustomer(viewer, requestId, answer, seenVersion);
    }

    /** @see ClientRequestService#confirmForCustomer */
    public ClientRequest confirm(CustomerScope viewer, UUID requestId, long seenVersion) {
        return requests.confirmForCustomer(viewer, requestId, seenVersion);
    }

    /** @see ClientRequestService#reopenForCustomer */
    public ClientRequest reopen(CustomerScope viewer, UUID requestId, String reason, long seenVersion) {
        return requests.reopenForCustomer(viewer, requestId, reason, seenVersion);
    }

    /** @see ClientRequestService#cancelForCustomer */
    public ClientRequest cancel(CustomerScope viewer, UUID requestId, long seenVersion) {
        return requests.cancelForCustomer(viewer, requestId, seenVersion);
    }

    /**
     * A short-lived link to a file the request was raised with; a customer's download is recorded, a manager's
     * "view as client" is not. See {@link ClientRequestService#customerAttachment}.
     *
     * @throws io.clientspace.shared.NotFoundException when it is not a file of the client's own request
     */
    @org.springframework.transaction.annotation.Transactional
    public String attachment(CustomerScope viewer, UUID requestId, UUID fileId) {
        io.clientspace.file.SharedDownload d = requests.customerAttachment(viewer, requestId, fileId);
        portal.recordDownload(viewer, PortalDocument.Kind.FILE, fileId, d.title());
        return d.link();
    }

    /** The largest file a request takes, for the form's upload. */
    public long maxUploadBytes() {
        return requests.maxUploadBytes();
    }

    /** @see ClientRequestService#writeForCustomer */
    public ClientRequest write(CustomerScope viewer, UUID requestId, String message) {
        return requests.writeForCustomer(viewer, requestId, message);
    }
}
