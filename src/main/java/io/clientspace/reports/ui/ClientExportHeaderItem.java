package io.clientspace.reports.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.spring.annotation.SpringComponent;
import io.clientspace.client.ClientAction;
import io.clientspace.client.ClientService;
import io.clientspace.reports.ClientExportService;
import io.clientspace.shared.NoAccessException;
import io.clientspace.shared.NotFoundException;
import io.clientspace.shared.WorkScope;
import io.clientspace.shared.ui.tabs.WorkspaceHeaderItem;
import io.clientspace.shared.ui.tabs.WorkspaceTabProvider.Where;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * "Export (ZIP)" in the client workspace's header, for a manager of the client: the client's records as CSV files
 * and a manifest, streamed as the database reads them ({@link ClientExportService}). The service checks again. A busy
 * client's ZIP takes a while: past a second its progress shows ({@link ExportProgress}).
 */
@SpringComponent
class ClientExportHeaderItem implements WorkspaceHeaderItem {

    private final ClientExportService exports;
    private final ClientService clients;

    ClientExportHeaderItem(ClientExportService exports, ClientService clients) {
        this.exports = exports;
        this.clients = clients;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Optional<Component> create(Where where, WorkScope scope) {
        if (where != Where.CLIENT || !clients.may(scope.clientId(), ClientAction.SHARE)) {
            return Optional.empty();
        }
        UUID clientId = scope.clientId();
        UI ui = UI.getCurrent();
        Anchor link = new Anchor();
        String failed = link.getTranslation("reports.client-export.failed");
        link.setHref((DownloadEvent event) -> {
            event.setFileName(ClientExportService.fileName(clientId));
            event.setContentType("application/zip");
            ExportProgress progress = ExportProgress.ofBytes(new ExportProgressNotification(ui,
                    ExportProgressNotification.Unit.BYTES), System::nanoTime);
            try (OutputStream out = progress.counting(event.getOutputStream())) {
                exports.export(clientId, out);
            } catch (NoAccessException | NotFoundException e) {
                event.getResponse().setStatus(403);
                ui.access(() -> Notification.show(failed));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                progress.close();
            }
        });
        link.setText(link.getTranslation("reports.client-export"));
        link.addComponentAsFirst(VaadinIcon.FILE_ZIP.create());
        link.setId("client-export-zip");
        link.getElement().setAttribute("title", link.getTranslation("reports.client-export.hint"));
        return Optional.of(link);
    }
}
