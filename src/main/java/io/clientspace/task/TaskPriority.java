package io.clientspace.task;

/** How urgent a task is; the UI shows it as a badge and sorts by it. */
public enum TaskPriority { LOW, NORMAL, HIGH, URGENT }
