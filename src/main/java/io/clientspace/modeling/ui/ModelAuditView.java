package io.clientspace.modeling.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import io.clientspace.modeling.AuditEntry;
import io.clientspace.modeling.ModelDeployments;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Every deploy, settings change, rollback, retry and migration: who, when, which model and version. Admins. */
@Route(value = "processes/audit", layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class ModelAuditView extends VerticalLayout implements Titled {

    ModelAuditView(ModelDeployments models, java.time.Clock clock) {
        setId("model-audit-view");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone());
        Grid<AuditEntry> grid = new Grid<>();
        grid.setId("model-audit-grid");
        grid.addColumn(a -> when.format(a.at())).setHeader(getTranslation("modeling.audit.at")).setAutoWidth(true);
        grid.addColumn(AuditEntry::actor).setHeader(getTranslation("modeling.audit.actor")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("modeling.action." + a.action().name()))
                .setHeader(getTranslation("modeling.audit.action")).setAutoWidth(true);
        grid.addColumn(AuditEntry::modelKey).setHeader(getTranslation("modeling.audit.model")).setAutoWidth(true);
        grid.addColumn(a -> a.version() == null ? "" : String.valueOf(a.version()))
                .setHeader(getTranslation("modeling.audit.version")).setAutoWidth(true);
        grid.addColumn(a -> a.detail() == null ? "" : a.detail()).setHeader(getTranslation("modeling.audit.detail"))
                .setFlexGrow(3);
        grid.setItems(models.audit(500));
        setSizeFull();
        add(grid);
    }

    @Override
    public String titleKey() {
        return "modeling.audit.title";
    }
}
