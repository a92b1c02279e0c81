/** Task views: the Tasks tab, the task list, the task forms, and "My tasks". */
@org.springframework.modulith.NamedInterface("ui")
package io.clientspace.task.ui;
