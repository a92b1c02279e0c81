package io.clientspace.conversation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.conversation.MailRequestIntake;
import io.clientspace.conversation.MailService;
import io.clientspace.conversation.MailThreadView;
import io.clientspace.request.ClientRequest;
import io.clientspace.request.ClientRequestService;
import io.clientspace.shared.InvalidInputException;
import java.util.List;
import java.util.function.Function;

/** What a mail thread offers beyond replying: turning it into a client request. */
@SpringComponent
class MailActions {

    private final MailService mail;
    private final MailRequestIntake intake;
    private final ClientRequestService requests;

    MailActions(MailService mail, MailRequestIntake intake, ClientRequestService requests) {
        this.mail = mail;
        this.intake = intake;
        this.requests = requests;
    }

    List<Component> extra(MailThreadView thread, Function<InvalidInputException, String> problems) {
        if (thread.requestId() != null) {
            Button linked = new Button(VaadinIcon.CHECK.create());
            linked.setText(linked.getTranslation("mail.request.linked"));
            linked.setEnabled(false);
            linked.setId("mail-request-linked");
            return List.of(linked);
        }
        Button turn = new Button(VaadinIcon.CLIPBOARD_TEXT.create());
        turn.setText(turn.getTranslation("mail.request.create"));
        turn.setId("mail-to-request");
        turn.setEnabled(!thread.archived());
        turn.addClickListener(e -> {
            try {
                ClientRequest request = requests.raiseForClient(intake.clientOf(thread), intake.draftOf(thread));
                mail.linkRequest(thread.id(), request.id());
                turn.setText(turn.getTranslation("mail.request.created", request.number()));
                turn.setEnabled(false);
            } catch (InvalidInputException ex) {
                Notification.show(problems.apply(ex)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return List.of(turn);
    }
}
