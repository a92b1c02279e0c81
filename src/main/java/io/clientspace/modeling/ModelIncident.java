package io.clientspace.modeling;

import java.time.Instant;

/**
 * An open incident, or a job that ran out of retries, on one version of a process model.
 *
 * @param jobId   the failed job to retry, null for incidents that are no failed job
 * @param message the engine's message, may be null
 */
public record ModelIncident(String id, int version, String activityId, String processInstanceId, String jobId,
        Instant at, String message) {
}
