package io.clientspace.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.clientspace.support.ClientspaceIntegrationTest;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The isolation walks cannot miss a page: every route in Vaadin's registry under portal/, every GET mapping under
 * /portal, and every staff route that takes a parameter must be listed in the walk that covers it
 * ({@link PortalIsolationBrowserTests#WALKED}, {@link StaffIsolationBrowserTests#WALKED}). Routes are compared by
 * their path template, so moving a view to another package changes nothing here.
 */
@ClientspaceIntegrationTest
class PortalRouteInventoryTests {

    @Autowired
    WebApplicationContext web;
    @Autowired
    ApplicationContext context;

    @Test
    void everyPortalRouteAndDownloadIsWalked() {
        Set<String> portal = new TreeSet<>();
        portalRoutes().forEach(portal::add);
        portal.addAll(portalGetMappings());
        assertThat(portal).as("registered portal routes").contains("portal", "/portal/download/{kind}/{id}");

        assertThat(missing(portal, PortalIsolationBrowserTests.WALKED))
                .as("portal routes without a step in PortalIsolationBrowserTests").isEmpty();
        assertThat(missing(Set.copyOf(PortalIsolationBrowserTests.WALKED), portal))
                .as("walk steps for routes that no longer exist").isEmpty();
    }

    @Test
    void everyStaffRouteWithAnIdIsWalkedByAMemberOutsideTheClient() {
        Set<String> staff = new TreeSet<>();
        for (RouteData route : registry().getRegisteredRoutes()) {
            String template = route.getTemplate();
            if (!isPortal(template) && template.contains(":")) {
                staff.add(template);
            }
        }
        assertThat(missing(staff, StaffIsolationBrowserTests.WALKED))
                .as("staff routes with an id without a step in StaffIsolationBrowserTests").isEmpty();
        assertThat(missing(Set.copyOf(StaffIsolationBrowserTests.WALKED), staff))
                .as("walk steps for routes that no longer exist").isEmpty();
    }

    /** The test of the test: a portal page registered without a walk step is reported by its template. */
    @Test
    void aNewPortalPageWithoutAWalkStepIsCaught() {
        RouteConfiguration routes = RouteConfiguration.forRegistry(registry());
        routes.setRoute("portal/invoices/:invoiceId", NewPortalPage.class);
        try {
            assertThat(missing(Set.copyOf(portalRoutes()), PortalIsolationBrowserTests.WALKED))
                    .containsExactly("portal/invoices/:invoiceId");
        } finally {
            routes.removeRoute(NewPortalPage.class);
        }
        assertThat(portalRoutes()).doesNotContain("portal/invoices/:invoiceId");
    }

    /** A page a colleague might add next week. */
    public static class NewPortalPage extends Div {
    }

    static List<String> missing(Set<String> registered, Collection<String> walked) {
        return registered.stream().filter(r -> !walked.contains(r)).sorted().toList();
    }

    private List<String> portalRoutes() {
        return registry().getRegisteredRoutes().stream().map(RouteData::getTemplate).filter(this::isPortal)
                .sorted().toList();
    }

    private boolean isPortal(String template) {
        return template.equals("portal") || template.startsWith("portal/");
    }

    private ApplicationRouteRegistry registry() {
        return ApplicationRouteRegistry.getInstance(new VaadinServletContext(web.getServletContext()));
    }

    /** Every GET (or any-method) mapping of every Spring MVC handler mapping whose path starts with /portal. */
    private Set<String> portalGetMappings() {
        Set<String> paths = new TreeSet<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
                    continue;
                }
                for (String path : info.getPatternValues()) {
                    if (path.equals("/portal") || path.startsWith("/portal/")) {
                        paths.add(path);
                    }
                }
            }
        }
        return paths;
    }
}
