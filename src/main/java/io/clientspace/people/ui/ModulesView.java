package io.clientspace.people.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import io.clientspace.people.FirmModuleService;
import io.clientspace.people.FirmModuleService.ModuleState;
import io.clientspace.people.FirmModuleService.Overview;
import io.clientspace.people.FirmModuleService.Plan;
import io.clientspace.people.FirmModuleService.WorkInFlight;
import io.clientspace.security.Roles;
import io.clientspace.shared.FirmModule;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.Titled;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Admins: the modules the firm uses and its plan (DD034). A module that is switched off leaves menus, tabs, counters,
 * the checklist and the portal, its services refuse calls, and its processes start no new instances; its data stays.
 * Switching one off with work in flight shows what is running first.
 */
@Menu(title = "nav.modules", order = 38, icon = "vaadin:puzzle-piece")
@Route(value = "admin/modules", layout = MainLayout.class)
@RolesAllowed(Roles.ADMIN)
class ModulesView extends VerticalLayout implements Titled {

    private final FirmModuleService modules;
    private final Select<Plan> plan = new Select<>();
    private final Div limits = new Div();
    private final Grid<ModuleState> grid = new Grid<>();
    private final com.vaadin.flow.component.checkbox.Checkbox viewersSeeAmounts =
            new com.vaadin.flow.component.checkbox.Checkbox();
    private final Grid<Plan> plans = new Grid<>();

    ModulesView(FirmModuleService modules) {
        this.modules = modules;
        setId("modules");
        Paragraph intro = new Paragraph(getTranslation("modules.intro"));
        intro.addClassName("muted");

        plan.setLabel(getTranslation("modules.plan"));
        plan.setId("modules-plan");
        plan.setItemLabelGenerator(Plan::displayName);
        Button choose = new Button(getTranslation("modules.plan.choose"), e -> choosePlan());
        choose.setId("modules-plan-choose");
        HorizontalLayout planRow = new HorizontalLayout(plan, choose);
        planRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        limits.setId("modules-limits");

        plans.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_COMPACT);
        plans.setAllRowsVisible(true);
        plans.setId("modules-plans");
        plans.addColumn(Plan::displayName).setHeader(getTranslation("modules.col.plan")).setFlexGrow(0)
                .setAutoWidth(true);
        plans.addColumn(p -> Arrays.stream(FirmModule.values()).filter(p.modules()::contains)
                .map(m -> getTranslation(m.nameKey())).collect(Collectors.joining(", ")))
                .setHeader(getTranslation("modules.col.plan-modules")).setFlexGrow(3);
        plans.addColumn(p -> p.maxPortalContacts() == null ? getTranslation("modules.limit.none")
                : String.valueOf(p.maxPortalContacts()))
                .setHeader(getTranslation("plan.limit.PORTAL_CONTACTS")).setAutoWidth(true).setFlexGrow(0);

        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("modules-grid");
        grid.addColumn(s -> getTranslation(s.module().nameKey())).setHeader(getTranslation("modules.col.module"))
                .setFlexGrow(2);
        grid.addComponentColumn(s -> {
            Span state = new Span(getTranslation(s.on() ? "modules.state.on" : "modules.state.off"));
            state.getElement().getThemeList().add(s.on() ? "badge success" : "badge contrast");
            state.setId("module-state-" + s.module());
            return state;
        }).setHeader(getTranslation("modules.col.state"));
        grid.addColumn(s -> getTranslation(s.override() == null ? "modules.source.plan" : "modules.source.override"))
                .setHeader(getTranslation("modules.col.source")).setFlexGrow(2);
        grid.addComponentColumn(this::actions).setHeader(getTranslation("modules.col.actions")).setAutoWidth(true)
                .setFlexGrow(0);

        viewersSeeAmounts.setLabel(getTranslation("modules.viewers.see-amounts"));
        viewersSeeAmounts.setHelperText(getTranslation("modules.viewers.see-amounts.help"));
        viewersSeeAmounts.setId("modules-viewers-see-amounts");
        viewersSeeAmounts.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                modules.letViewersSeeAmounts(e.getValue());
                com.vaadin.flow.component.notification.Notification.show(getTranslation(e.getValue()
                        ? "modules.viewers.saved-on" : "modules.viewers.saved-off"));
            }
        });

        add(intro, new H3(getTranslation("modules.plan.title")), planRow, limits, plans,
                new H3(getTranslation("modules.title")), grid,
                new H3(getTranslation("modules.viewers.title")), viewersSeeAmounts);
        refresh();
    }

    @Override
    public String titleKey() {
        return "nav.modules";
    }

    private void refresh() {
        Overview o = modules.overview();
        plan.setItems(o.plans());
        o.plans().stream().filter(p -> p.code().equals(o.plan().code())).findFirst().ifPresent(plan::setValue);
        grid.setItems(o.modules());
        plans.setItems(o.plans());
        viewersSeeAmounts.setValue(o.viewersSeeAmounts());
        limits.removeAll();
        for (var use : o.limits()) {
            Paragraph line = new Paragraph(use.cap() == null
                    ? getTranslation("modules.limit.use-uncapped", getTranslation(use.limit().nameKey()), use.used())
                    : getTranslation("modules.limit.use", getTranslation(use.limit().nameKey()), use.used(),
                            use.cap()));
            line.setId("modules-limit-" + use.limit());
            limits.add(line);
        }
    }

    private HorizontalLayout actions(ModuleState s) {
        Button toggle = new Button(getTranslation(s.on() ? "modules.switch-off" : "modules.switch-on"),
                (s.on() ? VaadinIcon.BAN : VaadinIcon.CHECK).create(), e -> toggle(s));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (s.on()) {
            toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        toggle.setId("module-toggle-" + s.module());
        HorizontalLayout actions = new HorizontalLayout(toggle);
        if (s.override() != null) {
            Button follow = new Button(getTranslation("modules.follow-plan"), e -> {
                if (s.on() && !s.inPlan()) {
                    // following the plan switches it off: same preview as switching off
                    confirmOff(s.module(), modules.previewSwitch(s.module(), false),
                            () -> modules.followPlan(s.module()));
                } else {
                    modules.followPlan(s.module());
                    refresh();
                }
            });
            follow.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            follow.setId("module-follow-plan-" + s.module());
            actions.add(follow);
        }
        actions.setSpacing(false);
        return actions;
    }

    private void toggle(ModuleState s) {
        if (!s.on()) {
            modules.switchModule(s.module(), true);
            Notification.show(getTranslation("modules.switched-on", getTranslation(s.module().nameKey())))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            return;
        }
        confirmOff(s.module(), modules.previewSwitch(s.module(), false),
                () -> modules.switchModule(s.module(), false));
    }

    /** The preview before anything goes off: what it hides, what keeps running, and that the data stays. */
    private void confirmOff(FirmModule module, List<WorkInFlight> work, Runnable apply) {
        String name = getTranslation(module.nameKey());
        Dialog dialog = new Dialog();
        dialog.setId("module-off-dialog");
        dialog.setHeaderTitle(getTranslation("modules.off.title", name));
        dialog.setWidth("36rem");
        dialog.add(new Paragraph(getTranslation("modules.off.intro", name)));
        dialog.add(workList(work));
        Button confirm = new Button(getTranslation("modules.off.confirm", name), e -> {
            apply.run();
            dialog.close();
            Notification.show(getTranslation("modules.switched-off", name))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        confirm.setId("module-off-confirm");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void choosePlan() {
        Plan chosen = plan.getValue();
        if (chosen == null) {
            return;
        }
        List<WorkInFlight> work = modules.previewPlan(chosen.code());
        Overview now = modules.overview();
        List<String> goingOff = now.modules().stream().filter(s -> s.on() && s.override() == null
                && !chosen.modules().contains(s.module())).map(s -> getTranslation(s.module().nameKey())).toList();
        Dialog dialog = new Dialog();
        dialog.setId("plan-dialog");
        dialog.setHeaderTitle(getTranslation("modules.plan.confirm-title", chosen.displayName()));
        dialog.setWidth("36rem");
        dialog.add(new Paragraph(goingOff.isEmpty() ? getTranslation("modules.plan.nothing-off")
                : getTranslation("modules.plan.going-off", String.join(", ", goingOff))));
        dialog.add(workList(work));
        for (var use : now.limits()) {
            if (chosen.maxPortalContacts() != null && use.used() > chosen.maxPortalContacts()) {
                Paragraph over = new Paragraph(getTranslation("modules.plan.over-limit",
                        getTranslation(use.limit().nameKey()), use.used(), chosen.maxPortalContacts()));
                over.addClassName("form-error");
                dialog.add(over);
            }
        }
        Button confirm = new Button(getTranslation("modules.plan.choose"), e -> {
            modules.choosePlan(chosen.code());
            dialog.close();
            Notification.show(getTranslation("modules.plan.chosen", chosen.displayName()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.setId("plan-confirm");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private Div workList(List<WorkInFlight> work) {
        Div box = new Div();
        box.setId("module-work");
        if (work.isEmpty()) {
            box.add(new Paragraph(getTranslation("modules.work.none")));
            return box;
        }
        box.add(new Paragraph(getTranslation("modules.work.intro")));
        UnorderedList list = new UnorderedList();
        for (WorkInFlight w : work) {
            list.add(new ListItem(getTranslation(w.messageKey(), w.count())));
        }
        box.add(list);
        return box;
    }
}
