package io.clientspace.task.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
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
    private Instant updatedAt;
    @Version
    private Long version;

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

    /** Corrects the booking; who booked it and on which task stay. */
    public void change(LocalDate workDate, int minutes, boolean billable, String note, Instant now) {
        this.workDate = workDate;
        this.minutes = minutes;
        this.billable = billable;
        this.note = note;
        this.updatedAt = now;
    }

    public long getVersion() { return version == null ? 0 : version; }
    public Instant getUpdatedAt() { return updatedAt; }
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
