package io.clientspace.extranet;

/**
 * A new portal contact as typed: display name, e-mail and role. Any of them may be null or blank; the service
 * says what is wrong.
 */
public record PortalContactDraft(String displayName, String email, PortalRole role) {
}
