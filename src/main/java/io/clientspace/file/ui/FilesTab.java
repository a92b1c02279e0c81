package io.clientspace.file.ui;

import io.clientspace.project.ProjectService;
import io.clientspace.project.WorkspaceRights;
import io.clientspace.shared.ui.Unavailable;

import io.clientspace.file.FilePreview;
import io.clientspace.file.FileTypes;
import io.clientspace.shared.ui.PreviewDialog;

import io.clientspace.file.FileNavigation;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.shared.ui.tabs.TabContribution;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import io.clientspace.shared.ui.tabs.TabContext;
import io.clientspace.shared.ui.tabs.SharingSwitch;
import io.clientspace.shared.ui.tabs.TabParts;
import io.clientspace.shared.ui.tabs.WorkspaceTab;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.clientspace.file.FileService;
import io.clientspace.file.StorageUnavailableException;
import io.clientspace.file.StoredFile;
import io.clientspace.shared.InvalidInputException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.ui.Downloads;
import io.clientspace.shared.ui.States;
import io.clientspace.shared.ui.UploadTexts;
import java.io.File;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The client's files: drop several at once (each with its own progress bar), download through a short-lived link
 * straight from storage, delete to a trash that keeps them restorable. A refused file is named with the reason,
 * and the others still go through.
 */
class FilesTab extends WorkspaceTab<FilesTab.Data> {

    record Data(List<StoredFile> files, List<StoredFile> trash, boolean canShare) {
    }

    /** The Files tab, on the client and the project workspace. */
    @SpringComponent
    static class Provider extends TabContribution {

        private final FileService files;

        private final ProjectService projects;

        Provider(FileService files, ProjectService projects) {
            super(FileNavigation.TAB, 40, Where.CLIENT, Where.PROJECT);
            this.files = files;
            this.projects = projects;
        }

        @Override
        public WorkspaceTab<?> create(TabContext context) {
            return new FilesTab(context, files, projects);
        }
    }

    private final TabContext context;
    private final FileService files;
    private final Clock clock;
    private final Runnable onChange;
    private final UnorderedList problems = new UnorderedList();
    private boolean batchRunning;

    private final ProjectService projects;
    /** What the user may do here, read with the list (off the UI thread) for the "why not" of upload and delete. */
    private volatile WorkspaceRights rights;

    FilesTab(TabContext context, FileService files, ProjectService projects) {
        super(FileNavigation.TAB, "workspace.tab.files", context.loader());
        this.context = context;
        this.files = files;
        this.projects = projects;
        this.clock = context.clock();
        this.onChange = context.countersChanged();
        problems.setId("upload-problems");
        problems.addClassName("upload-problems");
    }

    @Override
    protected long count() {
        return files.countIn(context.scope());
    }

    @Override
    protected Data fetch() {
        rights = projects.rights(context.scope());
        return new Data(files.in(context.scope()), files.trashIn(context.scope()), files.canShare(context.scope()));
    }

    @Override
    protected boolean isEmpty(Data data) {
        return data.files().isEmpty() && data.trash().isEmpty();
    }

    @Override
    protected String loadingKey() {
        return "files.loading";
    }

    @Override
    protected Component emptyState() {
        Div box = new Div(uploadOrWhy(), problems, States.empty(VaadinIcon.FILE_O, getTranslation("files.none.title"),
                getTranslation("files.none.text"), null));
        box.addClassName("tab-body");
        return box;
    }

    @Override
    protected Component render(Data data) {
        Div box = new Div(uploadOrWhy(), problems);
        box.addClassName("tab-body");
        if (data.files().isEmpty()) {
            box.add(States.empty(VaadinIcon.FILE_O, getTranslation("files.none.title"),
                    getTranslation("files.none.text"), null));
        } else {
            box.add(grid(data.files(), data.canShare()));
            TabParts.limitNote(box, data.files().size(), FileService.LIST_LIMIT);
        }
        if (!data.trash().isEmpty()) {
            box.add(trash(data.trash()));
        }
        return box;
    }

    /** The upload area, or, for someone who may only read here, why not and whom to ask. */
    private Component uploadOrWhy() {
        WorkspaceRights r = rights;
        if (r != null && !r.work()) {
            return Unavailable.readOnly(this, "files-read-only", r.askName());
        }
        return upload();
    }

    private Upload upload() {
        // the upload's callback may run outside this request: it acts as the user who opened the tab
        SecurityContext user = SecurityContextHolder.getContext();
        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            String problem = store(user, metadata.fileName(), file);
            if (problem != null) {
                ui.access(() -> problems.add(new ListItem(problem)));
            }
        }));
        upload.setId("file-upload");
        upload.setDropAllowed(true);
        upload.setMaxFiles(20);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.maxSizeBytes()));
        upload.setI18n(UploadTexts.of(this));
        upload.addFileRejectedListener(e -> problems.add(new ListItem(getTranslation("file.rejected", e.getFileName(),
                e.getErrorMessage()))));
        // one drop may hold several files: the list is redrawn once all of them are in, because redrawing
        // replaces this upload component and would cut off the files still on their way
        // refused files stay listed until the workspace is opened again: a later file must not wipe the reason
        upload.addStartedListener(e -> batchRunning = true);
        upload.addAllFinishedListener(e -> {
            batchRunning = false;
            reload();
            onChange.run();
        });
        Span hint = new Span(getTranslation("files.limit", files.maxSizeBytes() / 1024 / 1024));
        hint.addClassName("muted");
        upload.setDropLabel(hint);
        return upload;
    }

    @Override
    protected boolean isBusy() {
        return batchRunning;
    }

    /** Stores one uploaded file; returns what to tell the user when it was refused, null when it was stored. */
    private String store(SecurityContext user, String name, File file) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(user);
        try {
            files.upload(context.scope(), name, file.toPath());
            return null;
        } catch (InvalidInputException e) {
            return e.problems().stream().map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .collect(Collectors.joining(" "));
        } catch (StorageUnavailableException e) {
            return getTranslation("file.error.storage", name);
        } finally {
            SecurityContextHolder.setContext(previous);
            if (!file.delete()) {
                file.deleteOnExit();
            }
        }
    }

    private Grid<StoredFile> grid(List<StoredFile> rows, boolean canShare) {
        Grid<StoredFile> grid = new Grid<>();
        grid.setId("file-grid");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(f -> {
            if (f.awaitingScan()) {
                // quarantined until clamd has scanned it (DD010): its name and a badge, nothing to download
                Span badge = new Span(getTranslation("file.awaiting-scan"));
                badge.getElement().getThemeList().add("badge contrast");
                badge.addClassName("file-awaiting-scan");
                return new Span(new Span(f.name() + " "), badge);
            }
            Button name = new Button(f.name(), VaadinIcon.DOWNLOAD_ALT.create(), e -> download(f));
            name.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            name.addClassName("file-download");
            name.getElement().setAttribute("title", getTranslation("file.download"));
            if (!FileTypes.isPreviewable(f.contentType())) {
                return name;
            }
            Button preview = new Button(VaadinIcon.EYE.create(), e -> preview(f));
            preview.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            preview.addClassName("file-preview");
            preview.setAriaLabel(getTranslation("preview.open", f.name()));
            preview.getElement().setAttribute("title", getTranslation("preview.open", f.name()));
            return new Span(name, preview);
        }).setHeader(getTranslation("file.name")).setFlexGrow(3);
        grid.addColumn(f -> UploadTexts.size(this, f.sizeBytes())).setHeader(getTranslation("file.size"))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(StoredFile::uploadedByName).setHeader(getTranslation("file.uploaded-by")).setAutoWidth(true);
        grid.addColumn(f -> TabParts.date(getLocale(), clock.getZone(), f.uploadedAt()))
                .setHeader(getTranslation("file.uploaded-at")).setAutoWidth(true);
        grid.addComponentColumn(f -> SharingSwitch.of(this, f.sharedWithClient(), canShare, f.name(),
                        shared -> files.setShared(f.id(), shared).sharedWithClient()))
                .setHeader(getTranslation("sharing.column")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(f -> {
            Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(f));
            delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            delete.addClassName("file-delete");
            delete.setAriaLabel(getTranslation("file.delete.named", f.name()));
            WorkspaceRights r = rights;
            if (r != null && !r.work()) {
                Unavailable.needsEditor(delete, r.askName());
            }
            return delete;
        }).setAutoWidth(true).setFlexGrow(0);
        io.clientspace.shared.ui.Grids.show(grid, rows);
        return grid;
    }

    private void download(StoredFile f) {
        try {
            String link = files.downloadLink(f.id());
            getUI().ifPresent(ui -> Downloads.start(ui, link));
        } catch (NotFoundException e) {
            reload();
        } catch (StorageUnavailableException e) {
            problems.add(new ListItem(getTranslation("file.error.storage", f.name())));
        }
    }

    private void preview(StoredFile f) {
        try {
            FilePreview preview = files.preview(f.id());
            getUI().ifPresent(ui -> PreviewDialog.open(ui, f.name(), preview.link(), preview.contentType(),
                    preview.inline(), preview.inline() ? files.downloadLink(f.id()) : preview.link()));
        } catch (NotFoundException e) {
            reload();
        } catch (StorageUnavailableException e) {
            problems.add(new ListItem(getTranslation("file.error.storage", f.name())));
        }
    }

    private void confirmDelete(StoredFile f) {
        Dialog confirm = new Dialog();
        confirm.setId("file-delete-confirm");
        confirm.setHeaderTitle(getTranslation("file.delete.title", f.name()));
        confirm.add(new Paragraph(getTranslation("file.delete.text", files.trashDays())));
        Button yes = new Button(getTranslation("file.delete.confirm"), e -> {
            files.delete(f.id());
            confirm.close();
            reload();
            onChange.run();
        });
        yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        yes.setId("file-delete-yes");
        confirm.getFooter().add(new Button(getTranslation("action.cancel"), e -> confirm.close()), yes);
        confirm.open();
    }

    private Component trash(List<StoredFile> rows) {
        Div list = new Div();
        list.setId("file-trash");
        for (StoredFile f : rows) {
            Span line = new Span(getTranslation("file.trash.line", f.name(), f.deletedByName(),
                    TabParts.date(getLocale(), clock.getZone(), f.deletedAt())));
            Button restore = new Button(getTranslation("file.restore"), VaadinIcon.ARROW_BACKWARD.create(), e -> {
                try {
                    files.restore(f.id());
                } catch (InvalidInputException ex) {
                    problems.add(new ListItem(ex.problems().stream()
                            .map(p -> getTranslation(p.messageKey(), p.args().toArray()))
                            .collect(Collectors.joining(" "))));
                }
                reload();
                onChange.run();
            });
            restore.addThemeVariants(ButtonVariant.LUMO_SMALL);
            restore.addClassName("file-restore");
            HorizontalLayout row = new HorizontalLayout(line, restore);
            row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
            list.add(row);
        }
        Details details = new Details(getTranslation("file.trash.title", rows.size(), files.trashDays()), list);
        details.setId("file-trash-details");
        details.addClassName("file-trash");
        return details;
    }
}
