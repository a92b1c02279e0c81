package io.clientspace.shared.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import io.clientspace.shared.Modules;
import jakarta.annotation.security.PermitAll;

/** The staff application shell: navigation on the left, language and account on the right. */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span pageTitle = new Span();

    private final java.util.Map<SideNavItem, MenuCounter> counted = new java.util.LinkedHashMap<>();

    public MainLayout(CurrentUserProvider users, AuthenticationContext auth, java.util.List<MenuCounter> counters,
                      Modules modules) {
        CurrentUser user = users.require();
        setPrimarySection(Section.DRAWER);

        pageTitle.addClassName("page-title");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), pageTitle);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.addClassName("app-header");
        HorizontalLayout right = new HorizontalLayout(new LanguageSelect(), new UserMenu(user, auth));
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        right.addClassName("app-header-right");
        header.add(right);
        header.setFlexGrow(1, pageTitle);
        addToNavbar(true, header);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        SideNav nav = new SideNav();
        // the modules put their pages in the menu with @Menu (title = a translation key); Vaadin leaves out the
        // routes this user may not open
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (!modules.showsMenu(entry.title())) {
                continue; // its module is switched off (DD034)
            }
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path(), new Icon(entry.icon()));
            item.setId(entry.title().replace('.', '-'));
            counters.stream().filter(c -> c.menuTitle().equals(entry.title())).findFirst()
                    .ifPresent(c -> counted.put(item, c));
            nav.addItem(item);
        }
        addToDrawer(brand, nav);
        if (user.has(Roles.ADMIN)) { // the Camunda webapps are for admins only (DD003)
            Anchor cockpit = new Anchor("camunda/app/cockpit/default/", getTranslation("nav.cockpit"));
            cockpit.setRouterIgnore(true);
            cockpit.addClassName("drawer-link");
            addToDrawer(cockpit);
        }
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = getContent() instanceof HasDynamicTitle t ? t.getPageTitle() : "";
        pageTitle.setText(title.replace(Titled.SUFFIX, ""));
        counted.forEach((item, counter) -> {
            long n = counter.count();
            if (n == 0) {
                item.setSuffixComponent(null);
                return;
            }
            Span badge = new Span(counter.label(n));
            badge.getElement().getThemeList().add("badge pill small primary");
            badge.setId(item.getId().orElse("menu") + "-count");
            item.setSuffixComponent(badge);
        });
    }
}
