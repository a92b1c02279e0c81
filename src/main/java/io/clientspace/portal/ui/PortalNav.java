package io.clientspace.portal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.clientspace.shared.ui.LitTexts;
import java.util.List;
import java.util.function.Function;

/**
 * The portal's navigation bar as one element of plain markup. As router links with an icon and a label each, its
 * eight links were 32 of the project page's 110 Vaadin state nodes, held in every portal session
 * (SessionMemoryBenchmark); this is one. The links are real anchors with Flow's {@code router-link} attribute, so a
 * click navigates inside the app as a {@code RouterLink} does, and the current page's link carries
 * {@code highlight}, as {@code HighlightConditions.sameLocation()} set it.
 * <p>
 * Labels are translations, escaped all the same; nothing a user typed goes into the markup.
 */
final class PortalNav {

    /** One link: its translation key (also its {@code data-section}), its path and its icon. */
    record Link(String key, String path, VaadinIcon icon) {
    }

    private final List<Link> links;
    private final Function<String, String> labels;
    private final Html html;

    /** @param labels the translated label of each link, by its key */
    PortalNav(List<Link> links, Function<String, String> labels) {
        this.links = List.copyOf(links);
        this.labels = labels;
        this.html = new Html(markup(null));
    }

    Component component() {
        return html;
    }

    /** Marks the link to {@code path} (the current location, without a leading slash) as the current page. */
    void highlight(String path) {
        html.setHtmlContent(markup(path));
    }

    String markup(String current) {
        StringBuilder out = new StringBuilder("<nav id=\"portal-nav\" class=\"portal-nav\">");
        for (Link link : links) {
            out.append("<a class=\"portal-nav-link\" router-link href=\"").append(LitTexts.text(link.path()))
                    .append("\" data-section=\"").append(LitTexts.text(link.key())).append('"');
            if (link.path().equals(current)) {
                out.append(" highlight aria-current=\"page\"");
            }
            out.append('>').append(LitTexts.icon(link.icon())).append("<span>").append(LitTexts.text(labels.apply(link.key())))
                    .append("</span></a>");
        }
        return out.append("</nav>").toString();
    }
}
