package io.clientspace.modeling;

import io.clientspace.shared.StaleDataException;

/** Someone deployed a newer version since the user opened the model: reload and decide again. */
public class StaleModelException extends StaleDataException {

    private final String key;
    private final int latestVersion;

    public StaleModelException(String key, int expected, int latestVersion) {
        super("model " + key + " is at version " + latestVersion + ", not " + expected);
        this.key = key;
        this.latestVersion = latestVersion;
    }

    public String key() {
        return key;
    }

    public int latestVersion() {
        return latestVersion;
    }
}
