package io.clientspace.shared;

/**
 * A process owner deployed a new version of a BPMN or DMN model from the app, published after the deployment is
 * stored, so that caches of "the latest version" (deal stages) read it at once on this node.
 */
public record ProcessModelDeployed(String modelKey, int version) {
}
