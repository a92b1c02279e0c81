package io.clientspace.modeling;

/**
 * A process or decision model and its newest version.
 *
 * @param description the model's documentation, may be null
 * @param running     running process instances over all versions
 * @param incidents   open incidents over all versions
 */
public record ModelSummary(String key, ModelKind kind, String name, String description, int latestVersion,
        long running, long incidents) {
}
