package io.clientspace.shared;

/** Someone else saved the record after the user opened it. Nothing was overwritten. */
public class StaleDataException extends RuntimeException {
    public StaleDataException(String what) {
        super(what + " was changed by someone else");
    }
}
