package io.clientspace.task.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "time_entry")
public class TimeEntryEntity {
    @Id
    private UUID id;
    private UUID taskId;
    private UUID clientId;
    private String staff;
    private LocalDate workDate;
    private int minutes;
    private boolean billable;
    private String note;
    private Instant createdAt;

    protected TimeEntryEntity() {
    }

    public TimeEntryEntity(UUID taskId, UUID clientId, String staff, LocalDate workDate, int minutes,
                           boolean billable, String note, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.taskId = taskId;
        this.clientId = clientId;
        this.staff = staff;
        this.workDate = workDate;
        this.minutes = minutes;
        this.billable = billable;
        this.note = note;
        this.createdAt = createdAt;
    }

    public UUID getId() { return id; }
    public UUID getTaskId() { return taskId; }
    public UUID getClientId() { return clientId; }
    public String getStaff() { return staff; }
    public LocalDate getWorkDate() { return workDate; }
    public int getMinutes() { return minutes; }
    public boolean isBillable() { return billable; }
    public String getNote() { return note; }
    public Instant getCreatedAt() { return createdAt; }
}
