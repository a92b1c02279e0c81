package io.clientspace.task.domain;

import jakarta.persistence.Version;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "work_task")
public class WorkTaskEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private UUID projectId;
    private String link;
    private String title;
    private String assignee;
    private LocalDate dueDate;
    private String source;
    private String engineTaskId;
    private String processStep;
    private UUID dealId;
    private Instant createdAt;
    private Instant completedAt;
    private String description;
    private String priority;
    private String createdBy;
    private String completedBy;
    private Instant cancelledAt;
    private String cancelledBy;
    private String cancelReason;
    @Version
    private Long version;

    protected WorkTaskEntity() {
    }

    public static WorkTaskEntity fromProcess(UUID clientId, UUID dealId, String title, String engineTaskId,
                                             String processStep, String assignee, LocalDate due, Instant now) {
        WorkTaskEntity t = new WorkTaskEntity();
        t.id = UUID.randomUUID();
        t.clientId = clientId;
        t.dealId = dealId;
        t.title = title;
        t.engineTaskId = engineTaskId;
        t.processStep = processStep;
        t.assignee = assignee;
        t.dueDate = due;
        t.source = "PROCESS";
        t.priority = "NORMAL";
        t.createdAt = now;
        return t;
    }

    /** A task someone created by hand; its engine task is attached once the ad-hoc-task process has created it. */
    public static WorkTaskEntity adHoc(UUID clientId, UUID projectId, String title, String description, String assignee,
                                       LocalDate due, String priority, String createdBy, Instant now) {
        WorkTaskEntity t = new WorkTaskEntity();
        t.id = UUID.randomUUID();
        t.clientId = clientId;
        t.projectId = projectId;
        t.title = title;
        t.description = description;
        t.assignee = assignee;
        t.dueDate = due;
        t.priority = priority;
        t.source = "AD_HOC";
        t.createdBy = createdBy;
        t.createdAt = now;
        return t;
    }

    public void complete(Instant now) {
        if (completedAt == null) {
            completedAt = now;
        }
    }

    public void complete(Instant now, String by) {
        if (completedAt == null) {
            completedAt = now;
            completedBy = by;
        }
    }

    /** Ended without being done: it leaves every inbox like a done task, and says who ended it and why. */
    public void cancel(Instant now, String by, String reason) {
        if (completedAt == null) {
            completedAt = now;
            cancelledAt = now;
            cancelledBy = by;
            cancelReason = reason;
        }
    }

    /** Open again after it was done or cancelled; its engine task is attached when the new process creates it. */
    public void reopen() {
        completedAt = null;
        completedBy = null;
        cancelledAt = null;
        cancelledBy = null;
        cancelReason = null;
        engineTaskId = null;
    }

    /** What someone changed in the task form. */
    public void edit(String title, String description, LocalDate due, String priority) {
        this.title = title;
        this.description = description;
        this.dueDate = due;
        this.priority = priority;
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    public String getCancelledBy() { return cancelledBy; }
    public String getCancelReason() { return cancelReason; }

    public void attachEngineTask(String engineTaskId) {
        this.engineTaskId = engineTaskId;
    }

    /** A deal's stage task follows the deal when it is edited in place. */
    public void followDeal(String dealTitle, LocalDate due) {
        this.title = dealTitle;
        this.dueDate = due;
    }

    public void assign(String assignee) {
        this.assignee = assignee;
    }

    public boolean isAdHoc() {
        return "AD_HOC".equals(source);
    }

    public boolean isOpen() {
        return completedAt == null;
    }

    public String getDescription() { return description; }
    public String getPriority() { return priority == null ? "NORMAL" : priority; }
    public String getCreatedBy() { return createdBy; }
    public String getCompletedBy() { return completedBy; }
    public long getVersion() { return version == null ? 0 : version; }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    public String getLink() { return link; }

    /** Where another module's process step is worked on, and the place it belongs to (its project, if any). */
    public void placeStep(UUID projectId, String link) {
        this.projectId = projectId;
        this.link = link;
    }
    public String getTitle() { return title; }
    public String getAssignee() { return assignee; }
    public LocalDate getDueDate() { return dueDate; }
    public String getSource() { return source; }
    public String getEngineTaskId() { return engineTaskId; }
    public String getProcessStep() { return processStep; }
    public UUID getDealId() { return dealId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getCompletedAt() { return completedAt; }
}
