package io.clientspace.conversation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.clientspace.client.ClientService;
import io.clientspace.client.ClientSummary;
import io.clientspace.conversation.ConversationNavigation;
import io.clientspace.conversation.MailService;
import io.clientspace.conversation.UnmatchedMail;
import io.clientspace.project.ClientProject;
import io.clientspace.project.ProjectService;
import io.clientspace.shared.NotFoundException;
import io.clientspace.security.Roles;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * Admins: mail sent to an unknown or rotated workspace address, each to be filed in a client's workspace or one of its
 * projects, where it joins that Mail tab with its attachments and the timeline records who filed it.
 */
@Menu(title = "nav.unmatched-mail", order = 36, icon = "vaadin:envelopes-o")
@Route(value = ConversationNavigation.UNMATCHED_MAIL, layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class UnmatchedMailView extends VerticalLayout implements Titled {

    private final MailService mail;
    private final ClientService clients;
    private final ProjectService projects;
    private final Clock clock;
    private final Div content = new Div();

    UnmatchedMailView(MailService mail, ClientService clients, ProjectService projects, Clock clock) {
        this.mail = mail;
        this.clients = clients;
        this.projects = projects;
        this.clock = clock;
        setId("unmatched-mail");
        Paragraph intro = new Paragraph(getTranslation("mail.unmatched.intro"));
        intro.addClassName("muted");
        content.setWidthFull();
        add(intro, content);
        show();
    }

    private void show() {
        content.removeAll();
        List<UnmatchedMail> all = mail.unmatched();
        if (all.isEmpty()) {
            content.add(States.empty(VaadinIcon.ENVELOPES_O, getTranslation("mail.unmatched.none.title"),
                    getTranslation("mail.unmatched.none.text"), null));
            return;
        }
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(getLocale()).withZone(clock.getZone());
        for (UnmatchedMail m : all) {
            Div card = new Div();
            card.addClassNames("mail-message", "in");
            Span from = new Span(m.fromName() == null ? String.valueOf(m.fromAddress())
                    : m.fromName() + " <" + m.fromAddress() + ">");
            from.addClassName("mail-from");
            Span when = new Span(format.format(m.receivedAt()));
            when.addClassName("muted");
            Div head = new Div(from, when);
            head.addClassName("mail-message-head");
            Span subject = new Span(m.subject() == null ? getTranslation("mail.no-subject") : m.subject());
            subject.addClassName("mail-thread-subject");
            Span to = new Span(m.rotatedTo() == null ? getTranslation("mail.unmatched.unknown", m.recipient())
                    : getTranslation("mail.unmatched.rotated", m.recipient(), m.rotatedTo()));
            to.addClassName("muted");
            ComboBox<ClientSummary> client = new ComboBox<>(getTranslation("mail.unmatched.client"));
            client.setItems(query -> clients.search(query.getFilter().orElse(""), null,
                    ClientService.SortField.NAME, true, query.getOffset(), query.getLimit()).stream());
            client.setItemLabelGenerator(ClientSummary::name);
            client.addClassName("unmatched-client");
            ComboBox<ClientProject> project = new ComboBox<>(getTranslation("mail.unmatched.project"));
            project.addClassName("unmatched-project");
            project.setItemLabelGenerator(ClientProject::name);
            project.setPlaceholder(getTranslation("mail.unmatched.whole-client"));
            project.setClearButtonVisible(true);
            project.setEnabled(false);
            client.addValueChangeListener(e -> {
                client.setInvalid(false);
                project.clear();
                List<ClientProject> of = e.getValue() == null ? List.of() : projects.forClient(e.getValue().id());
                project.setItems(of);
                project.setEnabled(!of.isEmpty());
            });
            Button file = new Button(getTranslation("mail.unmatched.file"), VaadinIcon.INBOX.create(), e -> {
                if (client.getValue() == null) {
                    client.setErrorMessage(getTranslation("mail.unmatched.choose"));
                    client.setInvalid(true);
                    return;
                }
                ClientSummary c = client.getValue();
                ClientProject p = project.getValue();
                try {
                    mail.assignUnmatched(m.id(), p == null ? WorkScope.client(c.id()) : WorkScope.project(c.id(),
                            p.id()));
                } catch (NotFoundException gone) {
                    // another admin filed it a moment ago, or the project went away
                    Notification.show(getTranslation("mail.unmatched.gone"));
                    show();
                    return;
                }
                Notification.show(p == null ? getTranslation("mail.unmatched.filed", c.name())
                        : getTranslation("mail.unmatched.filed-project", p.name(), c.name()));
                show();
            });
            file.addClassName("unmatched-file");
            Div assign = new Div(client, project, file);
            assign.addClassName("mail-thread-tools");
            card.add(head, subject, new Div(to), assign);
            content.add(card);
        }
    }

    @Override
    public String titleKey() {
        return "mail.unmatched.title";
    }
}
