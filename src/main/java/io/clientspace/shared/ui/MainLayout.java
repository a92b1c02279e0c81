package io.clientspace.shared.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.clientspace.security.CurrentUser;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.Roles;
import jakarta.annotation.security.PermitAll;

/** The staff application shell: navigation on the left, language and account on the right. */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final Span pageTitle = new Span();

    public MainLayout(CurrentUserProvider users, AuthenticationContext auth) {
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
        nav.addItem(new SideNavItem(getTranslation("nav.clients"), "clients", VaadinIcon.BUILDING.create()));
        SideNavItem projects = new SideNavItem(getTranslation("nav.projects"), "client-projects",
                VaadinIcon.FOLDER_OPEN_O.create());
        projects.setId("nav-projects");
        nav.addItem(projects);
        SideNavItem myTasks = new SideNavItem(getTranslation("nav.my-tasks"), "tasks", VaadinIcon.TASKS.create());
        myTasks.setId("nav-my-tasks");
        nav.addItem(myTasks);
        SideNavItem attention = new SideNavItem(getTranslation("nav.attention"), "attention",
                VaadinIcon.EXCLAMATION_CIRCLE_O.create());
        attention.setId("nav-attention");
        nav.addItem(attention);
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
        String title = getContent() instanceof com.vaadin.flow.router.HasDynamicTitle t ? t.getPageTitle() : "";
        pageTitle.setText(title.replace(Titled.SUFFIX, ""));
    }
}
