package io.clientspace.shared.ui;

import com.vaadin.flow.component.UI;
import java.text.NumberFormat;
import java.util.Locale;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The Upload component's own labels and messages, in the user's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    public static UploadI18N of(Component c) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(c.getTranslation("upload.drop.one"))
                .setMany(c.getTranslation("upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(c.getTranslation("upload.add.one"))
                .setMany(c.getTranslation("upload.add.many")));
        i18n.setFile(new UploadI18N.File().setRetry(c.getTranslation("upload.retry"))
                .setStart(c.getTranslation("upload.start")).setRemove(c.getTranslation("upload.remove")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(c.getTranslation("upload.error.too-many"))
                .setFileIsTooBig(c.getTranslation("upload.error.too-big"))
                .setIncorrectFileType(c.getTranslation("upload.error.type")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(c.getTranslation("upload.status.connecting"))
                        .setStalled(c.getTranslation("upload.status.stalled"))
                        .setProcessing(c.getTranslation("upload.status.processing"))
                        .setHeld(c.getTranslation("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(c.getTranslation("upload.remaining")).setUnknown(c.getTranslation("upload.remaining-unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(c.getTranslation("upload.error.server-unavailable"))
                        .setUnexpectedServerError(c.getTranslation("upload.error.server"))
                        .setForbidden(c.getTranslation("upload.error.forbidden"))));
        i18n.setUnits(List.of(c.getTranslation("unit.b"), c.getTranslation("unit.kb"), c.getTranslation("unit.mb"),
                c.getTranslation("unit.gb"), c.getTranslation("unit.tb")));
        return i18n;
    }

    /** A byte count the way people read it, in the user's language and number format: 2.4 MB. */
    public static String size(Component c, long bytes) {
        var ui = UI.getCurrent();
        var format = NumberFormat.getNumberInstance(ui == null ? Locale.ENGLISH : ui.getLocale());
        format.setMaximumFractionDigits(1);
        if (bytes < 1024) {
            return c.getTranslation("unit.size", format.format(bytes), c.getTranslation("unit.b"));
        } else if (bytes < 1024 * 1024) {
            return c.getTranslation("unit.size", format.format(bytes / 1024.0), c.getTranslation("unit.kb"));
        } else if (bytes < 1024L * 1024 * 1024) {
            return c.getTranslation("unit.size", format.format(bytes / 1024.0 / 1024.0), c.getTranslation("unit.mb"));
        }
        return c.getTranslation("unit.size", format.format(bytes / 1024.0 / 1024.0 / 1024.0),
                c.getTranslation("unit.gb"));
    }
}
