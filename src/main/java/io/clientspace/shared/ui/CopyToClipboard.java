package io.clientspace.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.function.Supplier;

/**
 * A button that copies a text (a workspace's e-mail address, a Modeler token) to the clipboard and confirms it with
 * a short notification: one place for the browser call, so every copy button behaves the same.
 */
public final class CopyToClipboard {

    private CopyToClipboard() {
    }

    /**
     * Makes the button copy {@code value} when clicked and then show {@code confirmation}.
     *
     * @return the same button
     */
    public static Button onClick(Button button, Supplier<String> value, Supplier<String> confirmation) {
        button.addClickListener(e -> copy(value, confirmation));
        return button;
    }

    /**
     * The same for a copy button drawn as markup inside {@code area}: one listener on the area, for clicks on the
     * element with id {@code buttonId}.
     */
    public static void onClick(Component area, String buttonId, Supplier<String> value,
                               Supplier<String> confirmation) {
        area.getElement().addEventListener("click", e -> copy(value, confirmation))
                .setFilter("event.target.closest('#" + buttonId + "') !== null");
    }

    private static void copy(Supplier<String> value, Supplier<String> confirmation) {
        UI.getCurrent().getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", value.get());
        Notification.show(confirmation.get(), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
