package io.clientspace.modeling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.clientspace.modeling.MigrationCheck;
import io.clientspace.modeling.MigrationProgress;
import io.clientspace.modeling.ModelDeployments;
import io.clientspace.modeling.ModelIncident;
import io.clientspace.modeling.ModelKind;
import io.clientspace.modeling.ui.diagram.BpmnViewer;
import io.clientspace.modeling.ModelRefusedException;
import io.clientspace.modeling.ModelSetting;
import io.clientspace.modeling.ModelSummary;
import io.clientspace.modeling.ModelVersion;
import io.clientspace.modeling.StaleModelException;
import io.clientspace.security.Roles;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.MainLayout;
import io.clientspace.shared.ui.Titled;
import io.clientspace.shared.ui.UploadTexts;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One model: its diagram area, the firm settings form, upload and download, its versions (with rollback and
 * migration) and its incidents. Every change goes through {@link ModelDeployments}, which runs the gate; the page
 * names the version it shows, so that a deploy from someone else in between is caught as stale.
 */
@Route(value = "processes/model", layout = MainLayout.class)
@RolesAllowed({Roles.PROCESS_OWNER, Roles.ADMIN})
class ModelView extends VerticalLayout implements HasUrlParameter<String>, Titled {

    private final ModelDeployments models;
    private final Clock clock;
    private final ProblemList problems = new ProblemList("model-problems");
    private String key;
    private ModelSummary model;

    ModelView(ModelDeployments models, Clock clock) {
        this.models = models;
        this.clock = clock;
        setId("model-view");
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        key = parameter;
        model = models.model(key).orElseThrow(() -> new NotFoundException("model " + key));
        render();
    }

    @Override
    public String titleKey() {
        return "modeling.model.title";
    }

    @Override
    public String getPageTitle() {
        return (model == null ? getTranslation(titleKey()) : model.name()) + SUFFIX;
    }

    private void render() {
        removeAll();
        model = models.model(key).orElseThrow(() -> new NotFoundException("model " + key));
        List<ModelVersion> versions = models.versions(key);
        H2 title = new H2(model.name());
        title.setId("model-name");
        Span meta = new Span(getTranslation("modeling.model.meta", model.key(),
                getTranslation("modeling.kind." + model.kind().name()), model.latestVersion()));
        meta.setId("model-latest");
        meta.addClassName("muted");
        add(title, meta);
        if (model.description() != null) {
            add(new Paragraph(model.description()));
        }
        add(actions(), problems, diagram(versions.get(0)));
        if (model.kind() == ModelKind.BPMN) {
            add(settings());
        }
        add(versions(versions));
        if (model.kind() == ModelKind.BPMN) {
            add(incidents());
        }
    }

    // -------------------------------------------------------------------------------------------------- actions

    private Component actions() {
        Button edit = new Button(getTranslation("modeling.model.edit"), VaadinIcon.EDIT.create(),
                e -> UI.getCurrent().navigate(ModelEditorView.class, key));
        edit.setId("model-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Anchor download = download(model.latestVersion(), getTranslation("modeling.model.download"));
        download.setId("model-download");
        TextField note = new TextField(getTranslation("modeling.model.note"));
        note.setId("upload-note");
        note.setMaxLength(2000);
        note.setWidth("20em");
        int expected = model.latestVersion();
        SecurityContext user = SecurityContextHolder.getContext();
        UI ui = UI.getCurrent();
        // the upload's callback may run outside this request: it acts as the user who opened the page
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> {
            SecurityContext previous = SecurityContextHolder.getContext();
            SecurityContextHolder.setContext(user);
            try {
                deploy(() -> models.upload(key, expected, metadata.fileName(), bytes, note.getValue()));
            } finally {
                SecurityContextHolder.setContext(previous);
            }
        })));
        upload.setId("model-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setI18n(UploadTexts.of(this));
        upload.setDropLabel(new Span(getTranslation("modeling.model.uploadHint")));
        upload.addFileRejectedListener(e -> problems.message(getTranslation("modeling.model.uploadRejected",
                e.getFileName(), e.getErrorMessage())));
        HorizontalLayout row = new HorizontalLayout(edit, download);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout uploadRow = new HorizontalLayout(note, upload);
        uploadRow.setAlignItems(FlexComponent.Alignment.END);
        uploadRow.addClassName("model-upload-row");
        VerticalLayout box = new VerticalLayout(row, uploadRow);
        box.setPadding(false);
        return box;
    }

    /** Runs a deploy and shows what became of it: the new version, the gate's problems, or a stale version. */
    private void deploy(java.util.function.Supplier<ModelVersion> action) {
        try {
            ModelVersion v = action.get();
            Notification.show(getTranslation("modeling.model.deployed", v.version()));
            problems.clear();
            render();
        } catch (ModelRefusedException e) {
            problems.show(e.problems());
        } catch (StaleModelException e) {
            problems.message(getTranslation("modeling.model.stale", e.latestVersion()));
        }
    }

    private Anchor download(int version, String label) {
        String fileName = models.fileName(key);
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = models.xml(key, version);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "application/xml", bytes.length);
        }), label);
        a.getElement().setAttribute("download", true);
        a.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        return a;
    }

    // -------------------------------------------------------------------------------------------------- diagram

    /**
     * The diagram of a process version with its active instances and incidents as badges (BpmnViewer, DD024), and
     * below it the same counts as a list, which a screen reader and a manager can read too.
     */
    private Component diagram(ModelVersion version) {
        Div area = new Div();
        area.setId("model-diagram");
        area.addClassName("model-diagram");
        area.setWidthFull();
        area.getElement().setAttribute("data-model-key", key);
        area.getElement().setAttribute("data-version", String.valueOf(version.version()));
        H3 h = new H3(getTranslation("modeling.diagram.title", version.version()));
        area.add(h);
        Map<String, Long> counts = models.activeByActivity(key, version.version());
        if (version.kind() == ModelKind.BPMN) {
            // the diagram with its badges; the list below stays as its text alternative
            BpmnViewer viewer = new BpmnViewer();
            viewer.setId("model-viewer");
            viewer.setXml(new String(models.xml(key, version.version()), java.nio.charset.StandardCharsets.UTF_8));
            viewer.setActivityCounts(counts);
            viewer.setIncidentCounts(models.incidents(key).stream()
                    .filter(i -> i.version() == version.version() && i.activityId() != null)
                    .collect(java.util.stream.Collectors.groupingBy(ModelIncident::activityId,
                            java.util.stream.Collectors.counting())));
            area.add(viewer);
        }
        if (counts.isEmpty()) {
            area.add(new Paragraph(getTranslation("modeling.diagram.noneActive")));
        } else {
            UnorderedList list = new UnorderedList();
            counts.forEach((activity, n) -> list.add(new ListItem(getTranslation("modeling.diagram.active",
                    activity, n))));
            area.add(list);
        }
        return area;
    }

    // ------------------------------------------------------------------------------------------------- settings

    private Component settings() {
        List<ModelSetting> settings = models.settings(key);
        VerticalLayout box = new VerticalLayout();
        box.setId("model-settings");
        box.setPadding(false);
        box.add(new H3(getTranslation("modeling.settings.title")));
        if (settings.isEmpty()) {
            box.add(new Paragraph(getTranslation("modeling.settings.none")));
            return box;
        }
        box.add(new Paragraph(getTranslation("modeling.settings.intro")));
        Map<String, TextField> fields = new LinkedHashMap<>();
        for (ModelSetting s : settings) {
            TextField field = new TextField(label(s.variable()));
            field.setId("setting-" + s.variable());
            field.setValue(s.value());
            field.setWidth("26em");
            field.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.EAGER);
            preview(field, s.variable());
            field.addValueChangeListener(e -> preview(field, s.variable()));
            fields.put(s.variable(), field);
            box.add(field);
        }
        TextField note = new TextField(getTranslation("modeling.model.note"));
        note.setId("settings-note");
        note.setWidth("30em");
        note.setMaxLength(2000);
        int expected = model.latestVersion();
        Button save = new Button(getTranslation("modeling.settings.save"), e -> {
            boolean ok = true;
            for (TextField f : fields.values()) {
                ok &= preview(f, f.getId().orElseThrow().substring("setting-".length()));
            }
            if (!ok) {
                problems.message(getTranslation("modeling.settings.fix"));
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            fields.forEach((variable, f) -> values.put(variable, f.getValue().strip()));
            deploy(() -> models.saveSettings(key, expected, values, note.getValue()));
        });
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        box.add(note, save);
        return box;
    }

    private String label(String variable) {
        String k = "modeling.setting." + variable;
        String t = getTranslation(k);
        return t.equals(k) || t.startsWith("!") ? variable : t + " (" + variable + ")";
    }

    /** Shows the duration in words, or why it is none; keeps what was typed. */
    private boolean preview(TextField field, String variable) {
        String value = field.getValue() == null ? "" : field.getValue().strip();
        String words = ModelDeployments.isDuration(value) ? DurationWords.of(this, value, getLocale()) : null;
        if (words == null) {
            field.setInvalid(true);
            field.setErrorMessage(getTranslation("modeling.settings.invalid"));
            field.setHelperText(null);
            return false;
        }
        field.setInvalid(false);
        field.setHelperText(getTranslation(variable.toLowerCase(java.util.Locale.ROOT).contains("every")
                ? "modeling.settings.every" : "modeling.settings.after", words));
        return true;
    }

    // ------------------------------------------------------------------------------------------------- versions

    private Component versions(List<ModelVersion> versions) {
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(clock.getZone());
        Grid<ModelVersion> grid = new Grid<>();
        grid.setId("model-versions");
        grid.addColumn(ModelVersion::version).setHeader(getTranslation("modeling.versions.version"))
                .setAutoWidth(true);
        grid.addColumn(v -> v.deployedAt() == null ? "" : when.format(v.deployedAt()))
                .setHeader(getTranslation("modeling.versions.when")).setAutoWidth(true);
        grid.addColumn(v -> v.deployedBy()).setHeader(getTranslation("modeling.versions.by")).setAutoWidth(true);
        grid.addColumn(v -> getTranslation("modeling.source." + v.source().name())
                + (v.action() == null ? "" : " · " + getTranslation("modeling.action." + v.action().name())))
                .setHeader(getTranslation("modeling.versions.source")).setAutoWidth(true);
        grid.addColumn(v -> v.changeNote() == null ? "" : v.changeNote())
                .setHeader(getTranslation("modeling.versions.note")).setFlexGrow(2);
        grid.addColumn(v -> v.diff().isEmpty() ? "" : getTranslation("modeling.versions.diff",
                String.join(", ", v.diff().added()), String.join(", ", v.diff().removed()),
                String.join(", ", v.diff().changed()))).setHeader(getTranslation("modeling.versions.changes"))
                .setFlexGrow(2);
        if (model.kind() == ModelKind.BPMN) {
            grid.addColumn(ModelVersion::running).setHeader(getTranslation("modeling.versions.running"))
                    .setAutoWidth(true);
        }
        int latest = model.latestVersion();
        grid.addComponentColumn(v -> {
            HorizontalLayout cell = new HorizontalLayout(download(v.version(), getTranslation("modeling.versions.download")));
            if (v.version() != latest) {
                Button back = new Button(getTranslation("modeling.versions.rollback"),
                        e -> deploy(() -> models.rollback(key, latest, v.version(), null)));
                back.addClassName("rollback-version");
                back.addThemeVariants(ButtonVariant.LUMO_SMALL);
                cell.add(back);
                if (v.running() > 0) {
                    Button migrate = new Button(getTranslation("modeling.versions.migrate"),
                            e -> migrationDialog(v.version(), latest));
                    migrate.addClassName("migrate-version");
                    migrate.addThemeVariants(ButtonVariant.LUMO_SMALL);
                    cell.add(migrate);
                }
            }
            cell.setAlignItems(FlexComponent.Alignment.CENTER);
            return cell;
        }).setAutoWidth(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(versions);
        grid.setAllRowsVisible(true);
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("modeling.versions.title")), grid);
        box.setPadding(false);
        return box;
    }

    private void migrationDialog(int from, int to) {
        Dialog dialog = new Dialog();
        dialog.setId("migration-dialog");
        dialog.setHeaderTitle(getTranslation("modeling.migration.title", from, to));
        MigrationCheck check;
        try {
            check = models.checkMigration(key, from, to);
        } catch (ModelRefusedException e) {
            problems.show(e.problems());
            return;
        }
        dialog.add(new Paragraph(getTranslation("modeling.migration.plan", check.instances())));
        if (!check.unmappedActivities().isEmpty()) {
            dialog.add(new Paragraph(getTranslation("modeling.migration.unmapped",
                    String.join(", ", check.unmappedActivities()))));
        }
        ProblemList blocked = new ProblemList("migration-blocked");
        blocked.show(check.blocked().stream().map(b -> io.clientspace.modeling.Problem.of(b.processInstanceId(),
                b.businessKey(), "modeling.migration.blocked", String.join("; ", b.reasons()))).toList());
        dialog.add(blocked);
        ProgressBar progress = new ProgressBar();
        progress.setVisible(false);
        Span status = new Span();
        status.setId("migration-status");
        dialog.add(progress, status);
        Button run = new Button(getTranslation("modeling.migration.run"));
        run.setId("migration-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setEnabled(check.canMigrate());
        run.addClickListener(e -> {
            try {
                String batch = models.migrate(key, from, to);
                run.setEnabled(false);
                progress.setVisible(true);
                UI ui = UI.getCurrent();
                ui.setPollInterval(1000);
                var registration = new com.vaadin.flow.shared.Registration[1];
                registration[0] = ui.addPollListener(p -> {
                    MigrationProgress now = models.progress(batch);
                    progress.setValue(now.total() == 0 ? 1 : (double) now.done() / now.total());
                    status.setText(getTranslation("modeling.migration.progress", now.done(), now.total(),
                            now.failed()));
                    if (now.finished()) {
                        status.setText(getTranslation("modeling.migration.done"));
                        ui.setPollInterval(-1);
                        registration[0].remove();
                        render();
                    }
                });
            } catch (ModelRefusedException x) {
                blocked.show(x.problems());
            }
        });
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(close, run);
        dialog.open();
    }

    // ------------------------------------------------------------------------------------------------ incidents

    private Component incidents() {
        List<ModelIncident> incidents = models.incidents(key);
        VerticalLayout box = new VerticalLayout(new H3(getTranslation("modeling.incidents.title")));
        box.setId("model-incidents");
        box.setPadding(false);
        if (incidents.isEmpty()) {
            box.add(new Paragraph(getTranslation("modeling.incidents.none")));
            return box;
        }
        Grid<ModelIncident> grid = new Grid<>();
        grid.addColumn(ModelIncident::version).setHeader(getTranslation("modeling.versions.version"))
                .setAutoWidth(true);
        grid.addColumn(ModelIncident::activityId).setHeader(getTranslation("modeling.incidents.activity"))
                .setAutoWidth(true);
        grid.addColumn(i -> i.message() == null ? "" : i.message())
                .setHeader(getTranslation("modeling.incidents.message")).setFlexGrow(3);
        grid.addComponentColumn(i -> {
            if (i.jobId() == null) {
                return new Span();
            }
            Button retry = new Button(getTranslation("modeling.incidents.retry"), e -> {
                models.retry(key, i.jobId());
                Notification.show(getTranslation("modeling.incidents.retried"));
                render();
            });
            retry.addClassName("retry-job");
            return retry;
        }).setAutoWidth(true);
        grid.setItems(incidents);
        grid.setAllRowsVisible(true);
        box.add(grid);
        return box;
    }
}
