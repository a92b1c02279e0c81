package io.clientspace.workspace.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.shared.Modules;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.live.ClientChanges;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.TabStrip;
import io.clientspace.shared.ui.tabs.WorkspaceHeaderItem;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What both workspaces have in common: the tabs the modules contribute ({@link WorkspaceTabProvider} beans), put in
 * order for the signed-in user, and live refresh when anyone on any node changes the client. The shell knows no
 * module's tab; see docs/decisions/DD011-ui-owned-by-modules.md.
 */
@SpringComponent
class WorkspaceShell {

    private final List<WorkspaceTabProvider> providers;
    private final List<WorkspaceHeaderItem> headerItems;
    private final CurrentUserProvider currentUser;
    private final AsyncLoader loader;
    private final ClientChanges changes;
    private final Clock clock;
    private final Modules modules;

    WorkspaceShell(List<WorkspaceTabProvider> providers, ObjectProvider<WorkspaceHeaderItem> headerItems,
                   CurrentUserProvider currentUser, AsyncLoader loader, ClientChanges changes, Clock clock,
                   Modules modules) {
        this.modules = modules;
        this.providers = List.copyOf(providers);
        this.headerItems = headerItems.orderedStream().sorted(Comparator.comparingInt(WorkspaceHeaderItem::order))
                .toList();
        this.currentUser = currentUser;
        this.loader = loader;
        this.changes = changes;
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    AsyncLoader loader() {
        return loader;
    }

    /**
     * The tab strip of one workspace page, with the tabs that apply there and that the user sees.
     *
     * @param name       the client's or the project's name
     * @param clientName the client's name
     */
    TabStrip tabs(Where where, WorkScope scope, String name, String clientName, boolean sharedWithClient) {
        CurrentUser user = currentUser.requireStaff();
        TabStrip strip = new TabStrip();
        TabContext context = new TabContext(scope, name, clientName, sharedWithClient, user, clock, loader,
                strip::refreshCounters, strip);
        List<WorkspaceTab<?>> tabs = new ArrayList<>();
        List<WorkspaceTabProvider> ordered = providers.stream()
                .sorted(Comparator.comparingInt(p -> p.order(where))).toList();
        for (WorkspaceTabProvider provider : ordered) {
            // a module the firm switched off shows no tab, so no counter either (DD034)
            if (provider.appliesTo(where) && provider.visibleTo(user) && modules.showsTab(provider.id())) {
                tabs.add(provider.create(context));
            }
        }
        strip.show(tabs);
        return strip;
    }

    /**
     * Adds the facts modules contribute ({@link WorkspaceHeaderItem} beans) to a page's header: into its row of facts
     * (the child with the class {@code facts}), or at its end when it has none.
     *
     * @param header the header the page shows, a component that holds others
     */
    void addHeaderItems(Component header, Where where, WorkScope scope) {
        List<Component> items = headerItems.stream().flatMap(item -> item.create(where, scope).stream()).toList();
        if (items.isEmpty()) {
            return;
        }
        Element facts = header.getElement().getChildren()
                .filter(child -> child.getClassList().contains("facts")).findFirst().orElse(null);
        for (Component item : items) {
            if (facts != null) {
                facts.appendChild(item.getElement());
            } else if (header instanceof HasComponents holder) {
                holder.add(item);
            } else {
                header.getElement().appendChild(item.getElement());
            }
        }
    }

    /**
     * Runs {@code refresh} in the page's UI whenever anyone, on any node, changes the client. The queries run as the
     * viewer, whose security context the listener thread does not have. Close the result when the page detaches.
     */
    AutoCloseable live(UUID clientId, Runnable refresh) {
        UI ui = UI.getCurrent();
        var security = SecurityContextHolder.getContext();
        return changes.subscribe(clientId, id -> ui.access(() -> {
            var previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(security);
            try {
                refresh.run();
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        }));
    }
}
