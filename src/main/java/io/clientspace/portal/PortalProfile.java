package io.clientspace.portal;

/** What the portal says about the person signed in. {@code role} is the portal account's role, or null. */
public record PortalProfile(String displayName, String email, String clientName, String role) {
}
