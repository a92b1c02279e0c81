package io.clientspace.workspace.ui;

import io.clientspace.workspace.WorkspaceNavigation;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.clientspace.security.Roles;
import io.clientspace.shared.ui.AsyncLoader;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.Titled;
import io.clientspace.workspace.ClientAttention;
import io.clientspace.workspace.ReviewService;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.function.ToLongFunction;

/** "My clients needing attention": the review checklist across every client I own, the most pressing first. */
@Menu(title = "nav.attention", order = 40, icon = "vaadin:exclamation-circle-o")
@Route(value = WorkspaceNavigation.ATTENTION, layout = MainLayout.class)
@RolesAllowed(Roles.STAFF)
class AttentionView extends VerticalLayout implements Titled {

    private final ReviewService review;
    private final Div content = new Div();

    AttentionView(ReviewService review, AsyncLoader loader) {
        this.review = review;
        addClassName("attention");
        setSizeFull();
        Paragraph intro = new Paragraph(getTranslation("attention.intro"));
        intro.addClassName("muted");
        content.setWidthFull();
        content.add(States.loading(getTranslation("attention.loading")));
        add(intro, content);
        loader.load(this, review::myClientsNeedingAttention, this::show, e -> {
            content.removeAll();
            content.add(States.error(getTranslation("workspace.error.title"), getTranslation("workspace.error.text"),
                    () -> getUI().ifPresent(ui -> ui.getPage().reload()), getTranslation("action.retry")));
        });
    }

    private void show(List<ClientAttention> rows) {
        content.removeAll();
        if (rows.isEmpty()) {
            content.add(States.empty(VaadinIcon.CHECK_CIRCLE_O, getTranslation("attention.none.title"),
                    getTranslation("attention.none.text"), null));
            return;
        }
        Grid<ClientAttention> grid = new Grid<>();
        grid.setId("attention-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(a -> new Anchor(a.client().workspacePath(), a.client().name()))
                .setHeader(getTranslation("attention.client")).setAutoWidth(true).setFlexGrow(3);
        count(grid, "attention.stalled", a -> a.deals().stalled());
        count(grid, "attention.no-next-step", a -> a.deals().withoutNextStep());
        count(grid, "attention.overdue", a -> a.tasks().overdue());
        count(grid, "attention.unassigned", a -> a.tasks().unassigned());
        count(grid, "attention.missing-key", ClientAttention::missingKeyDocuments);
        grid.setItems(rows);
        content.add(grid);
    }

    private void count(Grid<ClientAttention> grid, String header, ToLongFunction<ClientAttention> value) {
        grid.addColumn(a -> value.applyAsLong(a) == 0 ? getTranslation("attention.zero") : String.valueOf(value.applyAsLong(a)))
                .setHeader(getTranslation(header)).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    @Override
    public String titleKey() {
        return "attention.title";
    }
}
