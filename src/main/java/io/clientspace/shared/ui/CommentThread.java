package io.clientspace.shared.ui;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.clientspace.shared.InvalidInputException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A discussion between a customer and the team: the messages, oldest first, and a form to write one. The portal and
 * the project workspace both show it.
 */
public final class CommentThread {

    /** One message; {@code fromCustomer} puts it on the customer's side. */
    public record Item(String authorName, boolean fromCustomer, String body, Instant createdAt) {
    }

    private CommentThread() {
    }

    private static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Locale.ENGLISH : ui.getLocale();
    }

    public static Component list(Component host, List<Item> items, ZoneId zone) {
        if (items.isEmpty()) {
            return States.empty(VaadinIcon.COMMENTS_O, host.getTranslation("comments.none.title"),
                    host.getTranslation("comments.none.text"), null);
        }
        Div list = new Div();
        list.addClassName("comment-list");
        var format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale());
        for (Item c : items) {
            Span who = new Span(c.authorName());
            who.addClassName("comment-author");
            Span when = new Span(format.format(c.createdAt().atZone(zone)));
            when.addClassName("muted");
            Paragraph body = new Paragraph(c.body());
            body.addClassName("comment-body");
            Div head = new Div(who, when);
            head.addClassName("comment-head");
            Div item = new Div(head, body);
            item.addClassNames("thread-comment", c.fromCustomer() ? "from-customer" : "from-team");
            list.add(item);
        }
        return list;
    }

    /**
     * A text area and a send button. The service enforces the rules; on a refusal the problem shows on the field and
     * the typed text stays.
     */
    public static Component form(Component host, String placeholderKey, int maxLength, Consumer<String> send,
                                 Runnable sent) {
        TextArea text = new TextArea();
        text.setId("comment-text");
        text.setWidthFull();
        text.setMinHeight("6rem");
        text.setPlaceholder(host.getTranslation(placeholderKey));
        text.setMaxLength(maxLength);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setHelperText(host.getTranslation("comments.counter", 0, maxLength));
        text.addValueChangeListener(e -> text.setHelperText(host.getTranslation("comments.counter",
                e.getValue().length(), maxLength)));
        Button button = new Button(host.getTranslation("comments.send"), VaadinIcon.PAPERPLANE_O.create());
        button.setId("comment-send");
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        button.addClickListener(e -> {
            try {
                send.accept(text.getValue());
                text.clear();
                text.setInvalid(false);
                sent.run();
            } catch (InvalidInputException ex) {
                text.setErrorMessage(ex.problems().stream()
                        .map(p -> host.getTranslation(p.messageKey(), p.args().toArray()))
                        .collect(Collectors.joining(" ")));
                text.setInvalid(true);
            }
        });
        Div form = new Div(text, button);
        form.addClassName("comment-form");
        return form;
    }
}
