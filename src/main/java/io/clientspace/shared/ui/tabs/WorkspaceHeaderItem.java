package io.clientspace.shared.ui.tabs;

import com.vaadin.flow.component.Component;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.util.Optional;

/**
 * How a module puts a fact into the header of the client or project workspace (next to owner, company, dates), as
 * {@link WorkspaceTabProvider} puts a tab on it: a Spring bean of this type in the module's {@code ui} package. The
 * shell asks every item for each page it builds, in {@link #order()}, and shows those that return a component. The
 * workspace module thus knows no module's fact (docs/decisions/DD011-ui-owned-by-modules.md).
 */
public interface WorkspaceHeaderItem {

    /** Where the fact goes among the contributed ones: lower first. */
    int order();

    /**
     * A new component for one page's header, for the signed-in colleague, who may open the workspace (the shell
     * calls this only on a page it shows); empty when there is nothing to show them there.
     */
    Optional<Component> create(Where where, WorkScope scope);
}
