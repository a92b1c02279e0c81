package io.clientspace.conversation;

import java.util.UUID;

/** A file attached to a message; the file is the workspace's and downloads through the file module. */
public record ChatAttachment(UUID fileId, String name) {
}
