package io.clientspace.shared.ui.tabs;

import java.util.EnumSet;
import java.util.Set;

/**
 * The usual {@link WorkspaceTabProvider}: a fixed id, order and set of workspaces, so that a module's provider only
 * says how to make its tab.
 */
public abstract class TabContribution implements WorkspaceTabProvider {

    private final String id;
    private final int order;
    private final Set<Where> where;

    protected TabContribution(String id, int order, Where first, Where... more) {
        this.id = id;
        this.order = order;
        this.where = EnumSet.of(first, more);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final boolean appliesTo(Where where) {
        return this.where.contains(where);
    }
}
