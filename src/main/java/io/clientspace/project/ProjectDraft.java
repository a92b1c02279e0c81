package io.clientspace.project;

import java.time.LocalDate;

/** What a user typed for a project; a bean so the form can bind to it. */
public class ProjectDraft {
    private String name;
    private String description;
    private ProjectStatus status = ProjectStatus.ACTIVE;
    private LocalDate start;
    private LocalDate end;
    private String owner;
    private Long version;

    public static ProjectDraft of(ClientProject p) {
        ProjectDraft d = new ProjectDraft();
        d.name = p.name();
        d.description = p.description();
        d.status = p.status();
        d.start = p.start();
        d.end = p.end();
        d.owner = p.owner();
        d.version = p.version();
        return d;
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public ProjectStatus getStatus() { return status; }
    public void setStatus(ProjectStatus status) { this.status = status; }
    public LocalDate getStart() { return start; }
    public void setStart(LocalDate start) { this.start = start; }
    public LocalDate getEnd() { return end; }
    public void setEnd(LocalDate end) { this.end = end; }
    public String getOwner() { return owner; }
    public void setOwner(String owner) { this.owner = owner; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
