/** Task views: the task list used by workspaces, the task forms, and "My tasks". */
@org.springframework.modulith.NamedInterface("ui")
package io.clientspace.task.ui;
