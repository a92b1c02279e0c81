package io.clientspace.shared;

/** The record does not exist (or never did). Views show the not-found page. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what + " not found");
    }
}
