package io.clientspace.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasEnabled;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.shared.HasTooltip;

/**
 * How an action the user may not take says so (issue 20 §4): the control stays in its place, disabled, with the
 * reason and who can do it as its tooltip and accessible description; and a short line beside it says the same for
 * those who do not hover (a disabled control shows no tooltip on every device). The service refuses the action
 * anyway.
 */
public final class Unavailable {

    private Unavailable() {
    }

    /** Disables the control and gives it the reason as its tooltip and accessible description. */
    public static <T extends Component & HasEnabled> T disable(T control, String why) {
        control.setEnabled(false);
        if (control instanceof HasTooltip tip) {
            tip.setTooltipText(why);
        }
        control.getElement().setAttribute("title", why);
        control.getElement().setAttribute("data-unavailable", why);
        control.addClassName("unavailable");
        if (control instanceof Button button) {
            button.setDisableOnClick(false);
        }
        return control;
    }

    /** A short line with a lock that says why and who can: {@code id} lets tests and screen readers find it. */
    public static Span line(String id, String why) {
        Icon lock = VaadinIcon.LOCK.create();
        lock.addClassName("unavailable-icon");
        lock.getElement().setAttribute("aria-hidden", "true");
        Span line = new Span(lock, new Span(why));
        line.setId(id);
        line.addClassName("action-unavailable");
        return line;
    }

    /**
     * Disables an action that needs editor access, naming whom to ask.
     *
     * @param askName the workspace owner's display name; blank: "ask a manager"
     */
    public static <T extends Component & HasEnabled> T needsEditor(T control, String askName) {
        return disable(control, askName == null || askName.isBlank()
                ? control.getTranslation("action.needs-editor.none")
                : control.getTranslation("action.needs-editor", askName));
    }

    /** The line for a tab's toolbar when the user may read the workspace but not change it. */
    public static Span readOnly(Component host, String id, String askName) {
        return line(id, askName == null || askName.isBlank() ? host.getTranslation("action.read-only.none")
                : host.getTranslation("action.read-only", askName));
    }

    /**
     * An action that needs editor access, as a toolbar or an empty state shows it: the button itself when the user
     * may; else the button disabled, followed by the read-only line that says why and whom to ask.
     */
    public static Component editorAction(Button button, boolean allowed, String lineId, String askName) {
        if (allowed) {
            return button;
        }
        needsEditor(button, askName);
        com.vaadin.flow.component.orderedlayout.HorizontalLayout both =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(button, readOnly(button, lineId, askName));
        both.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.CENTER);
        both.addClassName("unavailable-action");
        return both;
    }
}
