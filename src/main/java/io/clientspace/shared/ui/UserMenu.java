package io.clientspace.shared.ui;

import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clientspace.security.CurrentUser;

/** The signed-in person's name with a menu to sign out (which ends the Keycloak session too). */
public class UserMenu extends MenuBar {

    public UserMenu(CurrentUser user, AuthenticationContext auth) {
        addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        Avatar avatar = new Avatar(user.displayName());
        avatar.addClassName("user-avatar");
        Span name = new Span(user.displayName());
        MenuItem item = addItem(avatar);
        item.add(name);
        item.getSubMenu().addItem(getTranslation("action.sign-out"), e -> auth.logout()).setId("sign-out");
        setId("user-menu");
    }
}
