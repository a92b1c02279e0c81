package io.clientspace.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Files chosen for a form that sends them together with what was typed (a client request): each upload lands in a
 * temporary file and waits here until the form is sent. Nothing is stored before that; the service checks and
 * stores them all or none. A file taken off the list is not sent; {@link #clear} removes them after a send.
 */
public class PendingUploads extends Div {

    /** A chosen file: the name on the user's machine and where its bytes wait. */
    public record Pending(String name, Path content) {
    }

    private final List<Pending> pending = new ArrayList<>();
    private final Upload upload;

    /**
     * @param id       the upload's id; the list of chosen files is {@code id + "-pending"}
     * @param maxFiles how many files the form takes
     * @param maxBytes the largest file
     */
    public PendingUploads(String id, int maxFiles, long maxBytes, String buttonText, String dropText) {
        UI ui = UI.getCurrent();
        Div chosen = new Div();
        chosen.setId(id + "-pending");
        chosen.addClassName("chat-pending");
        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> ui.access(() -> {
            pending.add(new Pending(metadata.fileName(), file.toPath()));
            Span chip = new Span(metadata.fileName());
            chip.getElement().getThemeList().add("badge");
            chosen.add(chip);
        })));
        upload.addFileRemovedListener(e -> {
            for (Pending p : List.copyOf(pending)) {
                if (p.name().equals(e.getFileName())) {
                    pending.remove(p);
                    deleteQuietly(p.content().toFile());
                }
            }
            chosen.getChildren().filter(c -> c instanceof Span s && s.getText().equals(e.getFileName())).toList()
                    .forEach(chosen::remove);
        });
        upload.setId(id);
        upload.setDropAllowed(true);
        upload.setMaxFiles(maxFiles);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, maxBytes));
        upload.setI18n(UploadTexts.of(this));
        Span hint = new Span(dropText);
        hint.addClassName("muted");
        upload.setDropLabel(hint);
        upload.setUploadButton(new Button(buttonText, VaadinIcon.PAPERCLIP.create()));
        add(upload, chosen);
        addClassName("pending-uploads");
    }

    /** The files chosen so far, in the order they arrived. */
    public List<Pending> files() {
        return List.copyOf(pending);
    }

    /** After a send: the temporary files go, and the upload's list is empty again. */
    public void clear() {
        pending.forEach(p -> deleteQuietly(p.content().toFile()));
        pending.clear();
        upload.clearFileList();
    }

    private static void deleteQuietly(File f) {
        if (!f.delete()) {
            f.deleteOnExit();
        }
    }
}
