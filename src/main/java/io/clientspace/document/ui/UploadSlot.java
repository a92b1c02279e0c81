package io.clientspace.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.clientspace.shared.ui.UploadTexts;
import java.io.File;
import java.nio.file.Path;

/**
 * Takes one file for a form that saves it later (a new document, a new version): the file waits in a temporary
 * file until the form is saved or closed. Replacing it with another file drops the first.
 */
class UploadSlot extends Div {

    private final Upload upload;
    private final Span chosen = new Span();
    private File file;
    private String fileName;

    UploadSlot(String id, long maxBytes, Runnable onChosen) {
        UI ui = UI.getCurrent();
        upload = new Upload(UploadHandler.toTempFile((metadata, tmp) -> ui.access(() -> {
            clear();
            file = tmp;
            fileName = metadata.fileName();
            chosen.setText(fileName);
            onChosen.run();
        })));
        upload.setId(id);
        upload.setMaxFiles(1);
        upload.setDropAllowed(true);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setI18n(UploadTexts.of(this));
        chosen.addClassName("upload-chosen");
        add(upload, chosen);
    }

    /** The uploaded file, or null while none was uploaded. */
    Path path() {
        return file == null ? null : file.toPath();
    }

    String fileName() {
        return fileName;
    }

    /** Drops the waiting file; call when the form closes. */
    void clear() {
        if (file != null && !file.delete()) {
            file.deleteOnExit();
        }
        file = null;
        fileName = null;
        chosen.setText("");
        upload.clearFileList();
    }
}
