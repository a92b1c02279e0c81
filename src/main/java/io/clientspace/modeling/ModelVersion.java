package io.clientspace.modeling;

import java.time.Instant;

/**
 * One deployed version of a model.
 *
 * @param definitionId the engine's process or decision definition id
 * @param deployedBy   the username, or "build" for versions from processes/
 * @param action       what made it; null for build versions
 * @param changeNote   may be null
 * @param diff         against the version before; {@link ModelDiff#NONE} when unknown (build versions)
 * @param running      running process instances on this version (0 for decisions)
 */
public record ModelVersion(String key, ModelKind kind, int version, String definitionId, String deploymentId,
        Instant deployedAt, String deployedBy, ModelSource source, ModelAction action, String changeNote,
        ModelDiff diff, long running) {
}
