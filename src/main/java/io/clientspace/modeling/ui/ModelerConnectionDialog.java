package io.clientspace.modeling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.clientspace.security.ModelerTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * How to deploy from Camunda Modeler (issue 12, item 5): the endpoint to enter in its Deploy dialog, and a bearer
 * token, which is the process owner's own sign-in token with its full lifetime ahead. The Modeler's file then goes
 * through the same gate as an upload here; its problems come back into the Modeler's dialog.
 */
class ModelerConnectionDialog extends Dialog {

    private final ModelerTokens tokens;
    private final Clock clock;
    private final TextArea token = new TextArea();
    private final Paragraph validity = new Paragraph();

    ModelerConnectionDialog(ModelerTokens tokens, String baseUrl, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        setId("modeler-dialog");
        setHeaderTitle(getTranslation("modeling.modeler.title"));
        setWidth("min(44rem, 96vw)");

        OrderedList steps = new OrderedList(
                new ListItem(getTranslation("modeling.modeler.step.open")),
                new ListItem(getTranslation("modeling.modeler.step.endpoint")),
                new ListItem(getTranslation("modeling.modeler.step.auth")),
                new ListItem(getTranslation("modeling.modeler.step.deploy")));
        TextField endpoint = new TextField(getTranslation("modeling.modeler.endpoint"));
        endpoint.setId("modeler-endpoint");
        endpoint.setValue(baseUrl.replaceAll("/+$", "") + "/engine-rest");
        endpoint.setReadOnly(true);
        endpoint.setWidthFull();

        token.setId("modeler-token");
        token.setLabel(getTranslation("modeling.modeler.token"));
        token.setReadOnly(true);
        token.setWidthFull();
        token.setMaxHeight("9rem");
        validity.setId("modeler-token-validity");
        validity.addClassName("muted");
        Button copyEndpoint = copy("modeler-endpoint-copy", endpoint::getValue);
        Button copyToken = copy("modeler-token-copy", token::getValue);
        Button renew = new Button(getTranslation("modeling.modeler.renew"), VaadinIcon.REFRESH.create(),
                e -> showToken());
        renew.setId("modeler-token-renew");
        renew.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);

        Paragraph gate = new Paragraph(getTranslation("modeling.modeler.gate"));
        gate.addClassName("muted");
        Div body = new Div(steps, row(endpoint, copyEndpoint), row(token, copyToken), new HorizontalLayout(renew),
                validity, gate);
        add(body);
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("modeler-close");
        getFooter().add(close);
        showToken();
    }

    private void showToken() {
        var issued = tokens.forCurrentProcessOwner();
        if (issued.isEmpty()) {
            token.clear();
            validity.setText(getTranslation("modeling.modeler.noToken"));
            validity.getStyle().set("color", "var(--lumo-error-text-color)");
            return;
        }
        token.setValue(issued.get().value());
        long minutes = Math.max(0, Duration.between(clock.instant(), issued.get().expiresAt()).toMinutes());
        String until = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(clock.getZone()).format(issued.get().expiresAt());
        validity.setText(getTranslation("modeling.modeler.validUntil", until, minutes));
        validity.getStyle().remove("color");
    }

    private Button copy(String id, java.util.function.Supplier<String> value) {
        Button copy = io.clientspace.shared.ui.CopyToClipboard.onClick(
                new Button(getTranslation("modeling.modeler.copy"), VaadinIcon.COPY_O.create()), value,
                () -> getTranslation("modeling.modeler.copied"));
        copy.setId(id);
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return copy;
    }

    private static HorizontalLayout row(com.vaadin.flow.component.Component field, Button action) {
        HorizontalLayout row = new HorizontalLayout(field, action);
        row.setWidthFull();
        row.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.END);
        row.setFlexGrow(1, field);
        return row;
    }
}
