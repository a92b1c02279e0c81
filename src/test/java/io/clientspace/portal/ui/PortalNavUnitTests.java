package io.clientspace.portal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The portal's navigation bar as markup: router links, the current page marked, labels escaped. */
class PortalNavUnitTests {

    final PortalNav nav = new PortalNav(List.of(
            new PortalNav.Link("portal.nav.projects", "portal", VaadinIcon.FOLDER_OPEN_O),
            new PortalNav.Link("portal.nav.documents", "portal/documents", VaadinIcon.FILE_TEXT_O)),
            Map.of("portal.nav.projects", "Projekte", "portal.nav.documents", "Dokumente <b>& \"mehr\"</b>")::get);

    @Test
    void eachLinkIsARouterLinkWithItsIconAndLabel() {
        String markup = nav.markup(null);
        assertThat(markup).startsWith("<nav id=\"portal-nav\" class=\"portal-nav\">").endsWith("</nav>")
                .contains("<a class=\"portal-nav-link\" router-link href=\"portal\" data-section=\"portal.nav.projects\">"
                        + "<vaadin-icon icon=\"vaadin:folder-open-o\"></vaadin-icon><span>Projekte</span></a>")
                .contains("href=\"portal/documents\"", "icon=\"vaadin:file-text-o\"")
                .doesNotContain("highlight");
    }

    @Test
    void onlyTheCurrentPagesLinkIsMarked() {
        String markup = nav.markup("portal/documents");
        assertThat(markup).containsOnlyOnce("highlight")
                .contains("href=\"portal/documents\" data-section=\"portal.nav.documents\" highlight aria-current=\"page\"");
        assertThat(nav.markup("portal/projects/42")).as("a project page is not the projects list")
                .doesNotContain("highlight");
    }

    @Test
    void aLabelCannotBecomeMarkup() {
        assertThat(nav.markup(null)).contains("<span>Dokumente &lt;b&gt;&amp; &quot;mehr&quot;&lt;/b&gt;</span>")
                .doesNotContain("<b>");
    }
}
