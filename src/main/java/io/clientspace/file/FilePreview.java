package io.clientspace.file;

/**
 * A short-lived storage link to look at a file in the app. {@code inline} is true for a PDF or an image, which the
 * app shows in a frame or as a picture; otherwise the link downloads the file.
 */
public record FilePreview(String fileName, String contentType, String link, boolean inline) {

    public boolean pdf() {
        return inline && "application/pdf".equals(contentType);
    }
}
