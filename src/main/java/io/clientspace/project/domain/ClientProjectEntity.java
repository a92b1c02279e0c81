package io.clientspace.project.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "client_project")
public class ClientProjectEntity {

    @Id
    private UUID id;
    private UUID clientId;
    private String name;
    private String description;
    private String status;
    @Column(name = "start_date")
    private LocalDate start;
    @Column(name = "end_date")
    private LocalDate end;
    private String owner;
    private String createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private boolean sharedWithClient;
    private boolean tasksVisibleToClient;
    /**
     * What the project must deliver (DD032). Read here for the portal; written only by ProjectService's conditional
     * update, so that saving the project for another reason never writes back an outcome loaded before it changed.
     */
    @Column(insertable = false, updatable = false)
    private String outcome;
    @Version
    private Long version;

    // a list of projects loads its members in one query per 100 projects, not one per project (issue 6's guard)
    @ElementCollection
    @org.hibernate.annotations.BatchSize(size = 100)
    @CollectionTable(name = "project_member", joinColumns = @JoinColumn(name = "project_id"))
    private Set<Member> members = new LinkedHashSet<>();

    protected ClientProjectEntity() {
    }

    public ClientProjectEntity(UUID clientId, String createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.clientId = clientId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public boolean hasMember(String username) {
        return members.stream().anyMatch(m -> m.username.equals(username));
    }

    /** @return false when the person was a member already */
    public boolean addMember(String username, String addedBy, Instant now) {
        if (hasMember(username)) {
            return false;
        }
        members.add(new Member(username, addedBy, now));
        return true;
    }

    /** @return false when the person was not a member */
    public boolean removeMember(String username) {
        return members.removeIf(m -> m.username.equals(username));
    }

    public UUID getId() { return id; }
    public UUID getClientId() { return clientId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public LocalDate getStart() { return start; }
    public void setStart(LocalDate start) { this.start = start; }
    public LocalDate getEnd() { return end; }
    public void setEnd(LocalDate end) { this.end = end; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public String getOutcome() { return outcome; }
    public long getVersion() { return version == null ? 0 : version; }
    public boolean isSharedWithClient() { return sharedWithClient; }
    public void setSharedWithClient(boolean shared) { this.sharedWithClient = shared; }
    public boolean isTasksVisibleToClient() { return tasksVisibleToClient; }
    public void setTasksVisibleToClient(boolean visible) { this.tasksVisibleToClient = visible; }
    public Set<Member> getMembers() { return members; }

    /** One person in the project's work group. */
    @Embeddable
    public static class Member {
        private String username;
        private String addedBy;
        private Instant addedAt;

        protected Member() {
        }

        Member(String username, String addedBy, Instant addedAt) {
            this.username = username;
            this.addedBy = addedBy;
            this.addedAt = addedAt;
        }

        public String getUsername() { return username; }
        public Instant getAddedAt() { return addedAt; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && username.equals(m.username);
        }

        @Override
        public int hashCode() {
            return Objects.hash(username);
        }
    }
}
