package io.clientspace.shared;

import org.springframework.security.access.AccessDeniedException;

/**
 * The record exists but the current user may not see or change it. {@code ownerName} is whom to ask for access;
 * it may be null when there is nobody to name.
 */
public class NoAccessException extends AccessDeniedException {

    private final String ownerName;

    public NoAccessException(String message, String ownerName) {
        super(message);
        this.ownerName = ownerName;
    }

    public String ownerName() {
        return ownerName;
    }
}
