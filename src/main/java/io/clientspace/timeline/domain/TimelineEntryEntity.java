package io.clientspace.timeline.domain;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "timeline_entry")
public class TimelineEntryEntity implements Persistable<UUID> {
    @Id
    private UUID id;
    /** Entries are only ever inserted: saving one must not first look for it (as a merge would). */
    @Transient
    private boolean fresh;
    private UUID clientId;
    private UUID projectId;
    private Instant occurredAt;
    private String actor;
    private String kind;
    private UUID subjectId;
    private String subjectTitle;
    private String detail;

    protected TimelineEntryEntity() {
    }

    public TimelineEntryEntity(UUID clientId, UUID projectId, Instant occurredAt, String actor, String kind, UUID subjectId,
                               String subjectTitle, String detail) {
        this.id = UUID.randomUUID();
        this.fresh = true;
        this.clientId = clientId;
        this.projectId = projectId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.kind = kind;
        this.subjectId = subjectId;
        this.subjectTitle = subjectTitle == null || subjectTitle.length() <= 300 ? subjectTitle
                : subjectTitle.substring(0, 299) + "…";
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
    }

    @Override
    public UUID getId() { return id; }

    @Override
    public boolean isNew() { return fresh; }

    @PostPersist
    @PostLoad
    void stored() { fresh = false; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getActor() { return actor; }
    public String getKind() { return kind; }
    public UUID getSubjectId() { return subjectId; }
    public String getSubjectTitle() { return subjectTitle; }
    public String getDetail() { return detail; }
}
