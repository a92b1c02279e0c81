package io.clientspace.portal;

import io.clientspace.extranet.CustomerScope;
import io.clientspace.security.RateLimits;
import io.clientspace.inforequest.InformationRequest;
import io.clientspace.inforequest.InformationRequestService;
import io.clientspace.inforequest.Outcome;
import io.clientspace.inforequest.RequestItem;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The portal's side of information requests, and the only thing its request pages call: hands the viewer to the
 * request module, which verifies it and scopes every query by its client. Answering and uploading are the customer's
 * own actions; a manager's "view as client" only reads.
 */
@Service
public class PortalRequests {

    private final PortalService portal;
    private final InformationRequestService requests;
    private final RateLimits rateLimits;

    PortalRequests(PortalService portal, InformationRequestService requests,
                   RateLimits rateLimits) {
        this.portal = portal;
        this.requests = requests;
        this.rateLimits = rateLimits;
    }

    /** The client's sent requests in shared projects, newest first. */
    public List<InformationRequest> list(CustomerScope viewer) {
        return requests.forCustomer(viewer);
    }

    /** @throws io.clientspace.shared.NotFoundException when it is not the client's to see */
    public InformationRequest get(CustomerScope viewer, UUID requestId) {
        return requests.forCustomer(viewer, requestId);
    }

    /** The largest file an item takes. */
    public long maxUploadBytes() {
        return requests.maxUploadBytes();
    }

    /**
     * Stores a file for a file item until the customer submits. Each account may upload only so many files in a
     * while (clientspace.rate-limits.portal-upload); past that, an InvalidInputException says when to try again.
     *
     * @see InformationRequestService#uploadForCustomer
     */
    public RequestItem upload(CustomerScope viewer, UUID requestId, UUID itemId, String fileName, Path content) {
        // before the rate limit, so that a refused viewer (a preview, a revoked account) uses up nobody's uploads;
        // the request module's own check then finds the scope verified in this request
        portal.checkActing(viewer);
        rateLimits.take(RateLimits.Action.PORTAL_UPLOAD, viewer.accountId().toString(),
                "file");
        return requests.uploadForCustomer(viewer, requestId, itemId, fileName, content);
    }

    /**
     * Saves the typed answers and submits every answered item.
     *
     * @see InformationRequestService#submitForCustomer
     */
    public Outcome submit(CustomerScope viewer, UUID requestId, Map<UUID, String> answers) {
        return requests.submitForCustomer(viewer, requestId, answers);
    }
}
