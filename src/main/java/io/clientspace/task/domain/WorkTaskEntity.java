package io.clientspace.task.domain;

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
    private String title;
    private String assignee;
    private LocalDate dueDate;
    private String source;
    private String engineTaskId;
    private String processStep;
    private UUID dealId;
    private Instant createdAt;
    private Instant completedAt;

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
        t.createdAt = now;
        return t;
    }

    public void complete(Instant now) {
        if (completedAt == null) {
            completedAt = now;
        }
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
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
