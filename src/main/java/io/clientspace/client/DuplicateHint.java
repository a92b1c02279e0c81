package io.clientspace.client;

import java.util.UUID;

/** An existing client that looks like the one being saved. {@code sameName}/{@code sameEmail} say why. */
public record DuplicateHint(UUID id, ClientKind kind, String name, String email, String ownerName,
                            boolean sameName, boolean sameEmail) {
}
