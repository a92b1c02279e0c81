package io.clientspace.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;

/** The four states every list and tab can be in besides showing data: loading, empty, error and no permission. */
public final class States {

    private States() {
    }

    public static Component loading(String text) {
        ProgressBar bar = new ProgressBar();
        bar.setIndeterminate(true);
        Div box = box("state-loading", null, null, text);
        box.addComponentAsFirst(bar);
        return box;
    }

    /**
     * An empty list whose action may be a button, or a button with a line beside it (an action the user may not
     * take, see {@link Unavailable#editorAction}); null for none.
     */
    public static Component empty(VaadinIcon icon, String title, String text, Component action) {
        Div box = box("state-empty", icon, title, text);
        if (action instanceof Button button) {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        if (action != null) {
            box.add(action);
        }
        return box;
    }

    public static Component error(String title, String text, Runnable retry, String retryLabel) {
        Div box = box("state-error", VaadinIcon.WARNING, title, text);
        if (retry != null) {
            box.add(new Button(retryLabel, e -> retry.run()));
        }
        return box;
    }

    public static Component hidden(String title, String text) {
        return box("state-hidden", VaadinIcon.LOCK, title, text);
    }

    private static Div box(String className, VaadinIcon icon, String title, String text) {
        Div box = new Div();
        box.addClassNames("state", className);
        if (icon != null) {
            Icon i = icon.create();
            i.addClassName("state-icon");
            box.add(i);
        }
        if (title != null) {
            box.add(new H3(title));
        }
        if (text != null) {
            box.add(new Paragraph(text));
        }
        return box;
    }
}
