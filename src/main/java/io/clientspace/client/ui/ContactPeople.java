package io.clientspace.client.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import io.clientspace.client.ContactPerson;
import java.util.List;

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

    private final List<ContactPerson> people;
    private final String portalStatusLink;
    private final Div rows = new Div();
    private final Button toggle = new Button();
    private boolean all;

    public ContactPeople(List<ContactPerson> people) {
        this(people, null);
    }

    /** With {@code portalStatusLink}, each portal status links there (the company's External access tab). */
    public ContactPeople(List<ContactPerson> people, String portalStatusLink) {
        this.people = List.copyOf(people);
        this.portalStatusLink = portalStatusLink;
        setId("contact-people");
        addClassName("contact-people");
        setVisible(!people.isEmpty());
        add(new H3(getTranslation("client.people.title", people.size())), rows);
        toggle.setId("contact-people-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        toggle.addClickListener(e -> {
            all = !all;
            show();
        });
        if (people.size() > SHOWN) {
            add(toggle);
        }
        show();
    }

    private void show() {
        rows.removeAll();
        people.stream().limit(all ? people.size() : SHOWN).forEach(p -> rows.add(row(p)));
        toggle.setText(all ? getTranslation("client.people.fewer")
                : getTranslation("client.people.all", people.size()));
    }

    private Div row(ContactPerson p) {
        Div row = new Div();
        row.addClassName("contact-person");
        if (p.workspacePath() != null) {
            row.add(new Anchor(p.workspacePath(), p.name()));
        } else {
            row.add(new Span(p.name()));
        }
        if (p.role() != null) {
            Span role = new Span(" \u00b7 " + p.role());
            role.addClassName("muted");
            row.add(role);
        }
        if (p.email() != null) {
            Span email = new Span(" \u00b7 " + p.email());
            email.addClassName("muted");
            row.add(email);
        }
        if (p.portalStatus() != null) {
            Span portal = new Span(getTranslation("client.people.portal",
                    getTranslation("external.statuses." + p.portalStatus())));
            portal.getElement().getThemeList().add("badge small");
            portal.addClassName("contact-portal");
            if (portalStatusLink != null) {
                Anchor status = new Anchor(portalStatusLink, portal);
                status.addClassName("contact-portal-link");
                row.add(new Span(" "), status);
            } else {
                row.add(new Span(" "), portal);
            }
        }
        if (p.archived()) {
            Span archived = new Span(getTranslation("client.people.archived"));
            archived.getElement().getThemeList().add("badge contrast small");
            row.add(new Span(" "), archived);
        }
        return row;
    }
}
