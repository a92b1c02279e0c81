package io.clientspace.inforequest;

import io.clientspace.file.StorageUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every clientspace.antivirus.retry-interval, offers the customers' uploads that wait in quarantine to clamd again
 * (see InformationRequestService#releaseQuarantined); nothing is released without a scan.
 */
@Component
class RequestUploadQuarantineRelease {

    private static final Logger log = LoggerFactory.getLogger(RequestUploadQuarantineRelease.class);

    private final InformationRequestService requests;

    RequestUploadQuarantineRelease(InformationRequestService requests) {
        this.requests = requests;
    }

    @Scheduled(fixedDelayString = "${clientspace.antivirus.retry-interval:PT1M}",
            initialDelayString = "${clientspace.antivirus.retry-interval:PT1M}")
    void release() {
        try {
            int released = requests.releaseQuarantined();
            if (released > 0) {
                log.info("Released {} customer uploads from quarantine after a clean virus scan", released);
            }
        } catch (StorageUnavailableException e) {
            log.warn("Quarantined customer uploads stay for now: object storage failed: {}", e.getMessage());
        }
    }
}
