package io.clientspace.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A plain A4 document the app writes itself with PDFBox: a title, headings, label/value facts and wrapped
 * paragraphs, paginated. Text is set in DejaVu Sans (bundled under {@code fonts/}, embedded as a subset), so German
 * and Russian print as they are; a character the font lacks prints as "?" instead of failing the document.
 * Not thread-safe; one sheet per document.
 */
public final class PdfSheet {

    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float LABEL_WIDTH = 170;

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream out;
    private float y;

    private PdfSheet(String title, String author, Instant created) {
        try {
            regular = font("/fonts/DejaVuSans.ttf");
            bold = font("/fonts/DejaVuSans-Bold.ttf");
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(title);
            info.setAuthor(author);
            info.setCreator("Clientspace");
            Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            at.setTimeInMillis(created.toEpochMilli());
            info.setCreationDate(at);
            newPage();
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new sheet whose first line is the title.
     *
     * @param author  who the document is from (the metadata's author), e.g. the firm's name
     * @param created the metadata's creation date
     */
    public static PdfSheet titled(String title, String author, Instant created) {
        PdfSheet sheet = new PdfSheet(title, author, created);
        sheet.lines(sheet.bold, 18, title, 0, 26);
        sheet.y -= 6;
        return sheet;
    }

    /** A line in grey under the title or a heading, such as a number and a date. */
    public PdfSheet muted(String text) {
        lines(regular, 10, text, 0, 14);
        y -= 6;
        return this;
    }

    public PdfSheet heading(String text) {
        y -= 10;
        lines(bold, 13, text, 0, 18);
        y -= 2;
        return this;
    }

    /** A label and its value side by side; the value wraps in its column. */
    public PdfSheet fact(String label, String value) {
        float top = y;
        lines(bold, 10, label, 0, 14, LABEL_WIDTH - 10);
        float afterLabel = y;
        y = top;
        lines(regular, 10, value == null ? "" : value, LABEL_WIDTH, 14, WIDTH - LABEL_WIDTH);
        y = Math.min(y, afterLabel) - 3;
        return this;
    }

    /** A paragraph; its own line breaks are kept. */
    public PdfSheet paragraph(String text) {
        for (String line : (text == null ? "" : text).split("\\R", -1)) {
            lines(regular, 10.5f, line, 0, 15);
        }
        y -= 6;
        return this;
    }

    /** The finished document. The sheet cannot be written to afterwards. */
    public byte[] toBytes() {
        try {
            out.close();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            document.save(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            close();
        }
    }

    private void lines(PDType0Font font, float size, String text, float indent, float leading) {
        lines(font, size, text, indent, leading, WIDTH - indent);
    }

    private void lines(PDType0Font font, float size, String text, float indent, float leading, float width) {
        try {
            for (String line : wrap(font, size, printable(font, text), width)) {
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(MARGIN + indent, y);
                out.showText(line);
                out.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Breaks the text into lines that fit the width, at spaces where it can and inside a long word where not. */
    private static List<String> wrap(PDType0Font font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ", -1)) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > width) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(font, size, rest.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    private static float width(PDType0Font font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000 * size;
    }

    /** Tabs and other control characters as spaces, and what the font cannot show as "?". */
    private static String printable(PDType0Font font, String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.isISOControl(cp) ? " " : new String(Character.toChars(cp));
            try {
                font.encode(ch);
                s.append(ch);
            } catch (IOException | IllegalArgumentException e) {
                s.append('?');
            }
        });
        return s.toString();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        out = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    private PDType0Font font(String resource) throws IOException {
        try (InputStream in = PdfSheet.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Font " + resource + " is missing from the class path");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    private void close() {
        try {
            document.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }
}
