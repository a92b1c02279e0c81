package io.clientspace.shared.ui.tabs;

import io.clientspace.security.CurrentUser;

/**
 * How a module puts a tab on the client or project workspace: a Spring bean of this type in the module's {@code ui}
 * package. The shell collects every provider, keeps those that {@link #appliesTo apply} and are
 * {@link #visibleTo visible}, sorts them by {@link #order()} and creates one tab per page. Adding a tab therefore
 * touches no file outside its module (docs/decisions/DD011-ui-owned-by-modules.md).
 */
public interface WorkspaceTabProvider {

    /** The two kinds of workspace a tab can sit on. */
    enum Where {
        /** {@code /clients/{kind}/{id}} */
        CLIENT,
        /** {@code /client-projects/{id}} */
        PROJECT
    }

    /** The tab's id, the same as its {@link WorkspaceTab#tabId()}; links use it as {@code ?tab=id}. */
    String id();

    /** Where the tab goes from left to right: lower first. The built-in tabs use steps of 10. */
    int order();

    /** Where the tab stands on one kind of workspace; by default {@link #order()} on every kind. */
    default int order(Where where) {
        return order();
    }

    boolean appliesTo(Where where);

    /**
     * Whether the user sees the tab at all (by role, or because the firm switched its module off). A tab that the
     * user sees but may not open shows its permission-hidden state instead; that is the tab's own business.
     */
    default boolean visibleTo(CurrentUser user) {
        return true;
    }

    /** A new tab for one page; tabs are components, so never share one between pages. */
    WorkspaceTab<?> create(TabContext context);
}
