package io.clientspace.modeling;

/** How far a migration batch is: jobs done of all, and failed ones (with incidents to retry). */
public record MigrationProgress(String batchId, long total, long done, long failed, boolean finished) {
}
