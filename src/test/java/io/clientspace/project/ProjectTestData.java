package io.clientspace.project;

/** Projects for tests. */
public final class ProjectTestData {

    private ProjectTestData() {
    }

    /** An active project of that name, owned by {@code manager}. */
    public static ProjectDraft active(String name) {
        ProjectDraft d = new ProjectDraft();
        d.setName(name);
        d.setStatus(ProjectStatus.ACTIVE);
        d.setOwner("manager");
        return d;
    }
}
