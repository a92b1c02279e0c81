package io.clientspace.shared;

import java.util.Set;

/**
 * A part of Clientspace that a firm switches on or off at {@code /admin/modules} (issue 15 §4, DD034). What belongs
 * to it is named here once, so that the workspace shell, the side menu, the portal and the process engine all ask the
 * same question, {@link Modules#isOn}: its workspace tabs (by tab id), its side-menu entries (by their menu title
 * key), its portal sections (by their navigation key) and its processes (by process definition key). A test checks the
 * names against the modules' own navigation and process constants.
 */
public enum FirmModule {

    PROPOSALS(Set.of("proposals"), Set.of(), Set.of("portal.nav.proposals"), Set.of("proposal-approval")),
    INFORMATION_REQUESTS(Set.of("requests"), Set.of(), Set.of("portal.nav.requests"), Set.of("information-request")),
    ACCEPTANCES(Set.of(), Set.of(), Set.of("portal.nav.acceptances"), Set.of("document-acceptance")),
    CLIENT_REQUESTS(Set.of("client-requests"), Set.of("nav.client-requests"), Set.of("clientrequest.portal.nav"),
            Set.of("client-request")),
    CHAT(Set.of("chat"), Set.of("nav.chats", "nav.mentions"), Set.of("portal.nav.messages"), Set.of()),
    WORKSPACE_MAIL(Set.of("mail"), Set.of("nav.unmatched-mail"), Set.of(), Set.of()),
    PORTAL(Set.of("external"), Set.of(), Set.of(), Set.of("extranet-invitation", "access-review")),
    REPORTS(Set.of(), Set.of("nav.reports"), Set.of(), Set.of());

    private final Set<String> tabs;
    private final Set<String> menuTitles;
    private final Set<String> portalSections;
    private final Set<String> processes;

    FirmModule(Set<String> tabs, Set<String> menuTitles, Set<String> portalSections, Set<String> processes) {
        this.tabs = tabs;
        this.menuTitles = menuTitles;
        this.portalSections = portalSections;
        this.processes = processes;
    }

    /** The translation key of the module's name, e.g. {@code module.PROPOSALS}. */
    public String nameKey() {
        return "module." + name();
    }

    /** The ids of the workspace tabs it contributes. */
    public Set<String> tabs() {
        return tabs;
    }

    /** The title keys of its side-menu entries ({@code @Menu(title = ...)}). */
    public Set<String> menuTitles() {
        return menuTitles;
    }

    /** The navigation keys of its portal sections. */
    public Set<String> portalSections() {
        return portalSections;
    }

    /** The keys of the process definitions it starts. */
    public Set<String> processes() {
        return processes;
    }
}
