package io.clientspace.file;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits for client files.
 *
 * @param maxSizeMb           the largest file a user may upload, in megabytes (FILES_MAX_SIZE_MB)
 * @param trashDays           how long a deleted file can be restored
 * @param downloadLinkMinutes how long a download link works; capped at 5
 */
@ConfigurationProperties("clientspace.files")
public record FileProperties(int maxSizeMb, int trashDays, int downloadLinkMinutes) {

    public long maxSizeBytes() {
        return maxSizeMb * 1024L * 1024L;
    }

    public int linkMinutes() {
        return Math.max(1, Math.min(5, downloadLinkMinutes));
    }
}
