package io.clientspace.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Shows a file in the app through a short-lived storage link: a PDF in a frame, an image as a picture. Anything else
 * is not shown here; {@link #open(UI, String, String, String, boolean, String)} starts a download instead, because
 * the link for it says "attachment" and only PDF and images get an inline link from storage.
 */
public final class PreviewDialog extends Dialog {

    private PreviewDialog(String title, String link, String contentType, String downloadLink) {
        setId("file-preview");
        addClassName("file-preview");
        setHeaderTitle(title);
        setWidth("min(64rem, 96vw)");
        setHeight("90vh");
        setResizable(true);
        String label = getTranslation("preview.of", title);
        if ("application/pdf".equals(contentType)) {
            IFrame frame = new IFrame(link);
            frame.setTitle(label);
            frame.setId("file-preview-frame");
            frame.setSizeFull();
            frame.getStyle().set("border", "none");
            add(frame);
        } else {
            Image image = new Image(link, label);
            image.setId("file-preview-image");
            image.getStyle().set("max-width", "100%").set("display", "block").set("margin", "auto");
            add(image);
        }
        Button download = new Button(getTranslation("file.download"), VaadinIcon.DOWNLOAD_ALT.create(),
                e -> getUI().ifPresent(ui -> Downloads.start(ui, downloadLink)));
        download.setId("file-preview-download");
        Button close = new Button(getTranslation("action.close"), e -> close());
        close.setId("file-preview-close");
        getFooter().add(download, close);
    }

    /**
     * Opens the preview when the link is inline, else downloads.
     *
     * @param downloadLink the attachment link for the dialog's download button; may be the same link when not inline
     */
    public static void open(UI ui, String title, String link, String contentType, boolean inline,
                            String downloadLink) {
        if (inline) {
            new PreviewDialog(title, link, contentType, downloadLink).open();
        } else {
            Downloads.start(ui, link);
        }
    }
}
