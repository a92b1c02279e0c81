package io.clientspace.client.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import io.clientspace.client.ContactPerson;
import io.clientspace.shared.ui.LitTexts;
import java.util.List;
import java.util.function.Supplier;

/**
 * A company's contact people (its stakeholders): each links to their own workspace, with their role at the client
 * and, for those who may see portal access, whether they use the portal. Nothing shows for a company without any.
 * A company with many shows the first {@link #SHOWN} and a button for the rest, so that the workspace's tabs stay in
 * view and the page does not carry dozens of rows nobody asked for (issue 19 §6: 50 contact people were some 450 of
 * a busy workspace's 830 server-side nodes).
 */
public class ContactPeople extends Div {

    /** How many show before "Show all". */
    public static final int SHOWN = 5;

    /** The first {@link #SHOWN}: the rest are read again when the user asks for them, not held by every page. */
    private final List<ContactPerson> first;
    private final Supplier<List<ContactPerson>> everyone;
    private final String portalStatusLink;
    private final H3 title = new H3();
    private final Div rows = new Div();
    private final Button toggle = new Button();
    private int total;
    private boolean all;

    public ContactPeople(List<ContactPerson> people) {
        this(people, () -> people, null);
    }

    /**
     * @param people           the company's contact people, in order
     * @param everyone         reads them again, for "Show all"
     * @param portalStatusLink when not null, each portal status links there (the company's External access tab)
     */
    public ContactPeople(List<ContactPerson> people, Supplier<List<ContactPerson>> everyone,
                         String portalStatusLink) {
        this.first = people.stream().limit(SHOWN).toList();
        this.everyone = everyone;
        this.portalStatusLink = portalStatusLink;
        this.total = people.size();
        setId("contact-people");
        addClassName("contact-people");
        setVisible(!people.isEmpty());
        add(title, rows);
        toggle.setId("contact-people-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(e -> {
            all = !all;
            show(all ? everyone.get() : first);
        });
        if (total > SHOWN) {
            add(toggle);
        }
        show(first);
    }

    /** Draws these rows; a fresh "all" also brings the count up to date. */
    private void show(List<ContactPerson> people) {
        if (all) {
            total = people.size();
        }
        title.setText(getTranslation("client.people.title", total));
        rows.removeAll();
        people.forEach(p -> rows.add(row(p)));
        toggle.setText(all ? getTranslation("client.people.fewer") : getTranslation("client.people.all", total));
    }

    /**
     * One person's row as markup: one element on the server, where links, spans and their texts were about ten nodes
     * per person (issue 19 §6). The row only shows and links; nothing in it talks to the server.
     */
    private Html row(ContactPerson p) {
        StringBuilder row = new StringBuilder("<div class=\"contact-person\">");
        row.append(p.workspacePath() != null ? LitTexts.link(p.workspacePath(), p.name(), false)
                : "<span>" + LitTexts.text(p.name()) + "</span>");
        if (p.role() != null) {
            row.append("<span class=\"muted\"> \u00b7 ").append(LitTexts.text(p.role())).append("</span>");
        }
        if (p.email() != null) {
            row.append("<span class=\"muted\"> \u00b7 ").append(LitTexts.text(p.email())).append("</span>");
        }
        if (p.portalStatus() != null) {
            String portal = "<span class=\"contact-portal\" theme=\"badge small\">" + LitTexts.text(getTranslation(
                    "client.people.portal", getTranslation("external.statuses." + p.portalStatus()))) + "</span>";
            row.append(' ').append(portalStatusLink == null ? portal
                    : "<a class=\"contact-portal-link\" href=\"" + LitTexts.text(portalStatusLink) + "\">" + portal
                    + "</a>");
        }
        if (p.archived()) {
            row.append(" <span theme=\"badge contrast small\">")
                    .append(LitTexts.text(getTranslation("client.people.archived"))).append("</span>");
        }
        return new Html(row.append("</div>").toString());
    }
}
