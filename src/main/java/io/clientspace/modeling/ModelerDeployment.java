package io.clientspace.modeling;

/**
 * What a deploy from Camunda Modeler did.
 *
 * @param key          the process or decision id the file holds
 * @param kind         process or decision
 * @param version      the version that is newest now: the new one, or the unchanged one
 * @param deploymentId the engine's deployment of that version
 * @param definitionId the engine's process or decision definition of that version
 * @param deployed     false when the file equalled the newest version and nothing was deployed
 */
public record ModelerDeployment(String key, ModelKind kind, int version, String deploymentId, String definitionId,
        boolean deployed) {
}
