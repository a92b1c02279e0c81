package io.clientspace.request;

import java.util.UUID;

/** A file a request was raised with: one of the workspace's files, by its id, with the name it was sent under. */
public record RequestAttachment(UUID fileId, String name) {
}
