package io.clientspace.portal;

import java.util.UUID;

/** A shared project on the portal's project list. {@code description} may be null. */
public record PortalProject(UUID id, String name, String description, int documentCount) {
}
