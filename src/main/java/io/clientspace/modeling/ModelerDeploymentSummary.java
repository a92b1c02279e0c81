package io.clientspace.modeling;

import java.time.Instant;

/** One engine deployment as Camunda's REST API lists it. */
public record ModelerDeploymentSummary(String id, String name, String source, Instant deploymentTime) {
}
