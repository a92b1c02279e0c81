package io.clientspace.task;

import java.time.LocalDate;

/** What the task form holds. Mutable, so that a form can bind to it; every field may be null until checked. */
public class TaskDraft {
    private String title;
    private String description;
    private String assignee;
    private LocalDate due;
    private TaskPriority priority = TaskPriority.NORMAL;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public LocalDate getDue() { return due; }
    public void setDue(LocalDate due) { this.due = due; }
    public TaskPriority getPriority() { return priority; }
    public void setPriority(TaskPriority priority) { this.priority = priority; }
}
