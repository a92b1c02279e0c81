package io.clientspace.portal.web;

import io.clientspace.portal.PortalNavigation;
import io.clientspace.portal.PortalDocument;
import io.clientspace.portal.PortalService;
import io.clientspace.extranet.CustomerScope;
import io.clientspace.shared.NotFoundException;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A customer's download: checked and recorded by {@link PortalService}, then sent on to a presigned storage link
 * that lives at most 5 minutes. The bytes never pass through the app. Anything not shared with this customer, or
 * not theirs, answers 404 alike; staff get 403 (the service is for customers only); anonymous visitors are sent to
 * the customers' sign-in by the security chain.
 */
@Controller
class PortalDownloadController {

    private final PortalService portal;

    PortalDownloadController(PortalService portal) {
        this.portal = portal;
    }

    @GetMapping("/" + PortalNavigation.DOWNLOAD_PATH + "{kind}/{id}")
    ResponseEntity<Void> download(@PathVariable String kind, @PathVariable String id) {
        CustomerScope viewer = portal.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            String link = portal.download(viewer, PortalDocument.Kind.valueOf(kind), UUID.fromString(id));
            return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(link))
                    .header("Cache-Control", "no-store").build();
        } catch (NotFoundException | IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
