/**
 * The conversation module's screens: the Chat tab on client and project workspaces, the project's Comments tab, and
 * the chat panel that the portal's Messages page shows too (hence a named interface).
 */
@org.springframework.modulith.NamedInterface("ui")
package io.clientspace.conversation.ui;
