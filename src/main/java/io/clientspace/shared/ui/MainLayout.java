package io.clientspace.shared.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.internal.UrlUtil;
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
// the menu is markup: these make sure the browser has its elements
@Uses(SideNav.class)
@Uses(SideNavItem.class)
@Uses(Icon.class)
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span pageTitle = new Span();

    /** The menu's entries this user sees, in order, and the counter that goes with each (or null). */
    private final java.util.Map<MenuEntry, MenuCounter> entries = new java.util.LinkedHashMap<>();
    /** The menu, drawn as markup (see {@link #drawMenu}). */
    private final Html nav = new Html("<vaadin-side-nav></vaadin-side-nav>");
    private String drawn;

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
        // the modules put their pages in the menu with @Menu (title = a translation key); Vaadin leaves out the
        // routes this user may not open
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (modules.showsMenu(entry.title())) { // else its module is switched off (DD034)
                entries.put(entry, counters.stream().filter(c -> c.menuTitle().equals(entry.title())).findFirst()
                        .orElse(null));
            }
        }
        drawMenu(java.util.Map.of());
        addToDrawer(brand, nav);
        if (user.has(Roles.ADMIN)) { // the Camunda webapps are for admins only (DD003)
            Anchor cockpit = new Anchor("camunda/app/cockpit/default/", getTranslation("nav.cockpit"));
            cockpit.setRouterIgnore(true);
            cockpit.addClassName("drawer-link");
            addToDrawer(cockpit);
        }
    }

    @Override
    protected void onAttach(com.vaadin.flow.component.AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        // the tooltips drawn as markup (data-tooltip) share one tooltip element per page (DD042)
        SharedTooltip.install(attachEvent.getUI());
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String title = getContent() instanceof HasDynamicTitle t ? t.getPageTitle() : "";
        pageTitle.setText(title.replace(Titled.SUFFIX, ""));
        java.util.Map<MenuEntry, String> badges = new java.util.HashMap<>();
        entries.forEach((entry, counter) -> {
            long n = counter == null ? 0 : counter.count();
            if (n > 0) {
                badges.put(entry, counter.label(n));
            }
        });
        drawMenu(badges);
    }

    /**
     * The side menu as markup: one element on the server where each entry was an item, its icon and its label (issue
     * 19 §6). The items are the same {@code vaadin-side-nav-item}s, which link and mark the current page in the
     * browser; each counter shows as a badge in the item's suffix slot, {@code #<item id>-count}.
     *
     * @param badges the counter's text of each entry that counts something now
     */
    private void drawMenu(java.util.Map<MenuEntry, String> badges) {
        StringBuilder menu = new StringBuilder("<vaadin-side-nav>");
        entries.keySet().forEach(entry -> {
            String id = entry.title().replace('.', '-');
            String path = entry.path().startsWith("/") ? entry.path().substring(1) : entry.path();
            menu.append("<vaadin-side-nav-item id=\"").append(LitTexts.text(id)).append("\" path=\"")
                    .append(LitTexts.text(UrlUtil.encodeURI(path))).append("\">")
                    .append(entry.icon() == null ? "" : LitTexts.icon(entry.icon(), null, "prefix"))
                    .append(LitTexts.text(getTranslation(entry.title())));
            String badge = badges.get(entry);
            if (badge != null) {
                menu.append("<span slot=\"suffix\" id=\"").append(LitTexts.text(id)).append("-count\"")
                        .append(" theme=\"badge pill small primary\">").append(LitTexts.text(badge)).append("</span>");
            }
            menu.append("</vaadin-side-nav-item>");
        });
        String markup = menu.append("</vaadin-side-nav>").toString();
        if (!markup.equals(drawn)) { // the same menu again would rebuild its items in the browser for nothing
            drawn = markup;
            nav.setHtmlContent(markup);
        }
    }
}
