package io.clientspace.client;

import java.util.UUID;

/**
 * An existing client that looks like the one being saved. {@code sameName}/{@code sameEmail} say why. For a client
 * the current user may not open, {@code id} and {@code email} are null, and {@code name} is null unless it matched.
 */
public record DuplicateHint(UUID id, ClientKind kind, String name, String email, String ownerName,
                            boolean sameName, boolean sameEmail) {
}
