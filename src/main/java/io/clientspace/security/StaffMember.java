package io.clientspace.security;

import java.util.Set;

/** A staff user as the directory knows them. {@code displayName} falls back to the username; never null. */
public record StaffMember(String username, String displayName, String email, Set<String> roles) {
}
