package io.clientspace.file;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Once a night, removes files whose trash period is over. Safe on several nodes at once: each file is removed by
 * whichever node gets there first, and removing it again is a no-op.
 */
@Component
class FileTrashPurge {

    private static final Logger log = LoggerFactory.getLogger(FileTrashPurge.class);

    private final FileService files;

    FileTrashPurge(FileService files) {
        this.files = files;
    }

    @Scheduled(cron = "${clientspace.files.purge-cron:0 17 3 * * *}", zone = "${clientspace.time.zone:UTC}")
    void purge() {
        int removed = files.purgeExpiredTrash();
        if (removed > 0) {
            log.info("Removed {} files whose trash period was over", removed);
        }
    }
}
