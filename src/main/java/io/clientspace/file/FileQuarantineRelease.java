package io.clientspace.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every clientspace.antivirus.retry-interval (1 minute by default), offers the files that wait in quarantine to clamd
 * again and releases those it finds clean. Nothing waits long once clamd is back; nothing is released without a scan.
 */
@Component
class FileQuarantineRelease {

    private static final Logger log = LoggerFactory.getLogger(FileQuarantineRelease.class);

    private final FileService files;

    FileQuarantineRelease(FileService files) {
        this.files = files;
    }

    @Scheduled(fixedDelayString = "${clientspace.antivirus.retry-interval:PT1M}",
            initialDelayString = "${clientspace.antivirus.retry-interval:PT1M}")
    void release() {
        try {
            int released = files.releaseQuarantined();
            if (released > 0) {
                log.info("Released {} files from quarantine after a clean virus scan", released);
            }
        } catch (StorageUnavailableException e) {
            log.warn("Quarantined files stay for now: object storage failed: {}", e.getMessage());
        }
    }
}
