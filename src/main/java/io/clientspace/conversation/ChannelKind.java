package io.clientspace.conversation;

/**
 * The two channels of a workspace: {@code INTERNAL} for staff who may open it, {@code CLIENT} shared with the client's
 * active portal contacts (a project's only while the project is shared with the client).
 */
public enum ChannelKind {
    INTERNAL, CLIENT
}
