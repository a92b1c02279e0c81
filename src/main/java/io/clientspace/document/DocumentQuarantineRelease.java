package io.clientspace.document;

import io.clientspace.file.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every clientspace.antivirus.retry-interval (1 minute by default), offers the document versions that wait in
 * quarantine to clamd again and releases those it finds clean; nothing is released without a scan.
 */
@Component
class DocumentQuarantineRelease {

    private static final Logger log = LoggerFactory.getLogger(DocumentQuarantineRelease.class);

    private final DocumentService documents;

    DocumentQuarantineRelease(DocumentService documents) {
        this.documents = documents;
    }

    @Scheduled(fixedDelayString = "${clientspace.antivirus.retry-interval:PT1M}",
            initialDelayString = "${clientspace.antivirus.retry-interval:PT1M}")
    void release() {
        try {
            int released = documents.releaseQuarantined();
            if (released > 0) {
                log.info("Released {} document versions from quarantine after a clean virus scan", released);
            }
        } catch (StorageUnavailableException e) {
            log.warn("Quarantined document versions stay for now: object storage failed: {}", e.getMessage());
        }
    }
}
