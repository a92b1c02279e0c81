package io.clientspace.conversation;

/**
 * The e-mail address of a client or project workspace.
 *
 * @param address   the address to write to, e.g. nordlicht-7k3qfz@inbox.firm.example
 * @param canRotate whether the current colleague may replace it with a new one
 */
public record WorkspaceMailAddress(String address, boolean canRotate) {
}
