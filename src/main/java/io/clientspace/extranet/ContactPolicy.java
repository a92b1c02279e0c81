package io.clientspace.extranet;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What one portal contact may see, narrowing what their role allows: the portal sections, and the shared projects.
 * {@code projects} null means every project the client shares; otherwise only those (possibly none).
 */
public record ContactPolicy(Set<PortalSection> sections, Set<UUID> projects) {

    /** The default: every section, every shared project. */
    public static final ContactPolicy ALL = new ContactPolicy(EnumSet.allOf(PortalSection.class), null);

    public ContactPolicy {
        sections = sections == null || sections.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sections));
        projects = projects == null ? null : Set.copyOf(projects);
    }

    public boolean sees(PortalSection section) {
        return sections.contains(section);
    }

    /** Whether the policy lets the contact see this shared project (null: the client as a whole, always). */
    public boolean seesProject(UUID projectId) {
        return projectId == null || projects == null || projects.contains(projectId);
    }

    public boolean allProjects() {
        return projects == null;
    }

    public boolean isDefault() {
        return projects == null && sections.size() == PortalSection.values().length;
    }

    // -------------------------------------------------------------------------------- storage (portal_account)

    static ContactPolicy parse(String sections, String projects) {
        Set<PortalSection> s = sections == null ? EnumSet.allOf(PortalSection.class)
                : Arrays.stream(sections.split(",")).map(String::trim).filter(x -> !x.isEmpty())
                .map(PortalSection::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(PortalSection.class)));
        Set<UUID> p = projects == null ? null : Arrays.stream(projects.split(",")).map(String::trim)
                .filter(x -> !x.isEmpty()).map(UUID::fromString).collect(Collectors.toCollection(LinkedHashSet::new));
        return new ContactPolicy(s, p);
    }

    String sectionsColumn() {
        return sections.size() == PortalSection.values().length ? null : join(sections);
    }

    String projectsColumn() {
        return projects == null ? null : join(projects);
    }

    private static String join(Collection<?> values) {
        return values.stream().map(String::valueOf).sorted().collect(Collectors.joining(","));
    }
}
