package io.clientspace.request.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "client_request")
public class ClientRequestEntity {
    @Id
    private UUID id;
    private UUID clientId;
    private UUID projectId;
    private String number;
    private String category;
    private String subject;
    private String description;
    private LocalDate neededBy;
    private String state;
    private UUID raisedByAccount;
    private String raisedByStaff;
    private String raisedByName;
    private UUID contactId;
    private Instant raisedAt;
    private String priority;
    private String handlingGroup;
    private String triageRule;
    private String responseTarget;
    private String resolutionTarget;
    private Instant responseDueAt;
    private Instant resolutionDueAt;
    private Instant respondedAt;
    private Instant responseBreachedAt;
    private Instant resolutionBreachedAt;
    private Instant pausedSince;
    private long pausedSeconds;
    private String assignee;
    private Instant askedAt;
    private String resolutionNote;
    private String resolvedBy;
    private Instant resolvedAt;
    private Instant confirmBy;
    private Instant closedAt;
    private String closedHow;
    @Version
    private Long version;

    protected ClientRequestEntity() {
    }

    public ClientRequestEntity(UUID id, UUID clientId, UUID projectId, String number, String category, String subject,
                               String description, LocalDate neededBy, Instant raisedAt) {
        this.id = id;
        this.clientId = clientId;
        this.projectId = projectId;
        this.number = number;
        this.category = category;
        this.subject = subject;
        this.description = description;
        this.neededBy = neededBy;
        this.raisedAt = raisedAt;
        this.state = "QUEUED";
    }

    public void raisedByCustomer(UUID accountId, String name) {
        this.raisedByAccount = accountId;
        this.raisedByName = name;
    }

    public void raisedByStaff(String username, String name, UUID contactId) {
        this.raisedByStaff = username;
        this.raisedByName = name;
        this.contactId = contactId;
    }

    public void triaged(String priority, String group, String rule, String responseTarget, String resolutionTarget,
                        Instant responseDueAt, Instant resolutionDueAt) {
        this.priority = priority;
        this.handlingGroup = group;
        this.triageRule = rule;
        this.responseTarget = responseTarget;
        this.resolutionTarget = resolutionTarget;
        this.responseDueAt = responseDueAt;
        this.resolutionDueAt = resolutionDueAt;
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public UUID getProjectId() { return projectId; }
    public String getNumber() { return number; }
    public String getCategory() { return category; }
    public String getSubject() { return subject; }
    public String getDescription() { return description; }
    public LocalDate getNeededBy() { return neededBy; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public UUID getRaisedByAccount() { return raisedByAccount; }
    public String getRaisedByStaff() { return raisedByStaff; }
    public String getRaisedByName() { return raisedByName; }
    public UUID getContactId() { return contactId; }
    public Instant getRaisedAt() { return raisedAt; }
    public String getPriority() { return priority; }
    public String getHandlingGroup() { return handlingGroup; }
    public String getTriageRule() { return triageRule; }
    public String getResponseTarget() { return responseTarget; }
    public String getResolutionTarget() { return resolutionTarget; }
    public Instant getResponseDueAt() { return responseDueAt; }
    public Instant getResolutionDueAt() { return resolutionDueAt; }
    public void setResolutionDueAt(Instant at) { this.resolutionDueAt = at; }
    public Instant getRespondedAt() { return respondedAt; }
    public void setRespondedAt(Instant at) { this.respondedAt = at; }
    public Instant getResponseBreachedAt() { return responseBreachedAt; }
    public void setResponseBreachedAt(Instant at) { this.responseBreachedAt = at; }
    public Instant getResolutionBreachedAt() { return resolutionBreachedAt; }
    public void setResolutionBreachedAt(Instant at) { this.resolutionBreachedAt = at; }
    public Instant getPausedSince() { return pausedSince; }
    public void setPausedSince(Instant at) { this.pausedSince = at; }
    public long getPausedSeconds() { return pausedSeconds; }
    public void setPausedSeconds(long s) { this.pausedSeconds = s; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public Instant getAskedAt() { return askedAt; }
    public void setAskedAt(Instant at) { this.askedAt = at; }
    public String getResolutionNote() { return resolutionNote; }
    public String getResolvedBy() { return resolvedBy; }
    public Instant getResolvedAt() { return resolvedAt; }
    public void resolved(String note, String by, Instant at, Instant confirmBy) {
        this.resolutionNote = note;
        this.resolvedBy = by;
        this.resolvedAt = at;
        this.confirmBy = confirmBy;
    }
    public Instant getConfirmBy() { return confirmBy; }
    public void setConfirmBy(Instant at) { this.confirmBy = at; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosedHow() { return closedHow; }
    public void closed(String state, String how, Instant at) {
        this.state = state;
        this.closedHow = how;
        this.closedAt = at;
        this.pausedSince = null;
    }
    public long getVersion() { return version == null ? 0 : version; }
}
