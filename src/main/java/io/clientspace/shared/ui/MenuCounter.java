package io.clientspace.shared.ui;

/**
 * A number next to a side menu item (unread mentions next to "Mentions"): a bean of the module that owns the page.
 * The menu asks again after every navigation.
 */
public interface MenuCounter {

    /** The {@code @Menu} title key of the item this counts for. */
    String menuTitle();

    /** What to show; nothing shows for 0. Called in the request, as the signed-in user. */
    long count();

    /** How a count above 0 reads on the badge; a counter whose count stops at a cap says so ("99+"). */
    default String label(long count) {
        return String.valueOf(count);
    }
}
