package io.clientspace.modeling.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.clientspace.security.CurrentUserProvider;
import io.clientspace.security.ModelerTokens;
import io.clientspace.shared.ClientspaceProperties;
import io.clientspace.shared.ui.tabs.TabParts;
import java.time.Clock;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.clientspace.modeling.ModelDeployments;
import io.clientspace.modeling.ModelSummary;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;

/** Every process and decision model with its newest version, running instances and incidents. */
@Menu(title = "nav.processes", order = 90, icon = "vaadin:sitemap")
@Route(value = ModelsView.ROUTE, layout = MainLayout.class)
@RolesAllowed({Roles.PROCESS_OWNER, Roles.ADMIN})
class ModelsView extends VerticalLayout implements Titled {

    static final String ROUTE = "processes";

    ModelsView(ModelDeployments models, CurrentUserProvider users, ModelerTokens tokens,
            ClientspaceProperties app, Clock clock) {
        setId("models-view");
        Paragraph intro = new Paragraph(getTranslation("modeling.models.intro"));
        intro.addClassName("muted");
        if (users.require().has(Roles.PROCESS_OWNER)) {
            Button modeler = new Button(getTranslation("modeling.modeler.open"), VaadinIcon.UPLOAD_ALT.create(),
                    e -> new ModelerConnectionDialog(tokens, app.baseUrl(), clock).open());
            modeler.setId("modeler-open");
            modeler.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(TabParts.toolbar(modeler));
        }
        Grid<ModelSummary> grid = new Grid<>();
        grid.setId("model-grid");
        grid.addComponentColumn(m -> {
            RouterLink link = new RouterLink(m.name(), ModelView.class, m.key());
            link.addClassName("model-link");
            return link;
        }).setHeader(getTranslation("modeling.models.name")).setFlexGrow(0).setWidth("18em");
        grid.addColumn(ModelSummary::key).setHeader(getTranslation("modeling.models.key")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(m -> getTranslation("modeling.kind." + m.kind().name()))
                .setHeader(getTranslation("modeling.models.kind")).setAutoWidth(true);
        grid.addColumn(m -> shortDescription(m.description()))
                .setTooltipGenerator(m -> m.description() == null ? "" : m.description())
                .setHeader(getTranslation("modeling.models.description")).setFlexGrow(4);
        grid.addColumn(ModelSummary::latestVersion).setHeader(getTranslation("modeling.models.version"))
                .setAutoWidth(true);
        grid.addColumn(ModelSummary::running).setHeader(getTranslation("modeling.models.running"))
                .setAutoWidth(true);
        grid.addComponentColumn(m -> {
            Span s = new Span(String.valueOf(m.incidents()));
            if (m.incidents() > 0) {
                s.getElement().getThemeList().add("badge error");
            }
            return s;
        }).setHeader(getTranslation("modeling.models.incidents")).setAutoWidth(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(models.models());
        grid.setAllRowsVisible(true);
        add(intro, grid);
        if (models.canAudit()) {
            add(new RouterLink(getTranslation("modeling.audit.link"), ModelAuditView.class));
        }
    }

    /** The description's first sentence: the models' documentation is written for the Modeler and runs long. */
    static String shortDescription(String description) {
        if (description == null) {
            return "";
        }
        String text = description.strip().replaceAll("\\s+", " ");
        int end = text.indexOf(". ");
        String first = end > 0 ? text.substring(0, end + 1) : text;
        return first.length() <= 160 ? first : first.substring(0, 159) + "…";
    }

    @Override
    public String titleKey() {
        return "modeling.models.title";
    }
}
