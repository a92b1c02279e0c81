package io.clientspace.file;

/** Object storage did not answer or refused the request. Nothing was saved. */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(Throwable cause) {
        super("Object storage is unavailable: " + cause.getMessage(), cause);
    }
}
