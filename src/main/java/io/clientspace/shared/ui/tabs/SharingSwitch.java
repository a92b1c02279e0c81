package io.clientspace.shared.ui.tabs;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.StaleDataException;
import java.util.function.Function;

/**
 * The "shared with client" switch of a file or document row. Only those who may decide what leaves the company can
 * flip it (the service checks again); a refused change puts the switch back and says why.
 */
public final class SharingSwitch {

    private SharingSwitch() {
    }

    /** @param change sets the flag and returns what the service saved */
    public static Checkbox of(Component host, boolean shared, boolean canShare, String name,
                       Function<Boolean, Boolean> change) {
        Checkbox box = new Checkbox(shared);
        box.addClassName("sharing-switch");
        box.getElement().setAttribute("data-name", name);
        box.setEnabled(canShare);
        box.setAriaLabel(host.getTranslation("sharing.switch", name));
        // the tooltip does not repeat the name: the row shows it already
        box.setTooltipText(host.getTranslation(canShare ? "sharing.tooltip" : "sharing.only-managers"));
        box.addValueChangeListener(e -> {
            if (!e.isFromClient()) {
                return;
            }
            try {
                box.setValue(change.apply(e.getValue()));
            } catch (NoAccessException | NotFoundException | StaleDataException ex) {
                box.setValue(e.getOldValue());
                Notification.show(host.getTranslation("sharing.refused", name), 5000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        return box;
    }
}
