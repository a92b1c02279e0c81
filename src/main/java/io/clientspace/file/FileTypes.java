package io.clientspace.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.tika.Tika;

/**
 * What a file really is, read from its first bytes: a program renamed to "invoice.pdf" is still a program. The name
 * only refines a container the bytes cannot tell apart (a .docx and a .xlsx are both ZIP packages inside).
 */
public final class FileTypes {

    private static final Tika TIKA = new Tika();

    /** Types the bytes alone cannot narrow down; the name may pick a type within them. */
    private static final Set<String> CONTAINERS = Set.of("application/zip", "application/x-tika-ooxml",
            "application/x-tika-msoffice", "application/x-tika-ooxml-protected", "text/plain",
            "application/xml", "text/xml");

    private static final Set<String> PROGRAMS = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-sharedlib", "application/x-mach-binary", "application/x-sh",
            "application/x-bat", "application/x-msi", "application/java-archive", "application/x-elf",
            "application/vnd.microsoft.portable-executable", "text/x-sh", "application/x-shellscript");

    private static final Set<String> ALLOWED = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp", "image/tiff", "image/bmp", "image/heic", "text/plain", "text/csv", "application/rtf",
            "application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
            "application/x-tika-ooxml", "application/x-tika-msoffice", "application/zip", "message/rfc822",
            "application/vnd.ms-outlook", "application/xml", "text/xml", "application/json");

    /**
     * Allowed from staff, not from customers: OLE2 Office formats that carry VBA macros, RTF (a common exploit
     * carrier) and ZIP archives (which hide their content from the type check). Customers send PDFs, images, OOXML
     * and OpenDocument files instead (DD010).
     */
    private static final Set<String> NOT_FROM_CUSTOMERS = Set.of("application/msword", "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint", "application/x-tika-msoffice", "application/rtf", "text/rtf",
            "application/zip");

    /** Types a browser shows itself, without plug-ins or scripts of the file's own: the in-app preview's list. */
    private static final Set<String> PREVIEWABLE = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif",
            "image/webp");

    private static final String OOXML = "application/vnd.openxmlformats-officedocument.";
    private static final String OPEN_DOCUMENT = "application/vnd.oasis.opendocument.";

    private FileTypes() {
    }

    /** The file's type from its content, refined by its name only where the content is a generic container. */
    public static String detect(Path file, String name) throws IOException {
        String byContent;
        try (InputStream in = Files.newInputStream(file)) {
            byContent = TIKA.detect(in);
        }
        if (!CONTAINERS.contains(byContent)) {
            return byContent;
        }
        try (InputStream in = Files.newInputStream(file)) {
            String refined = TIKA.detect(in, name);
            // the name may narrow a container down, never turn it into something the bytes contradict
            return isWithin(byContent, refined) ? refined : byContent;
        }
    }

    /** Whether staff may look at a file of this type inline in the app; any other type is downloaded. */
    public static boolean isPreviewable(String type) {
        return type != null && PREVIEWABLE.contains(type);
    }

    public static boolean isProgram(String type) {
        return PROGRAMS.contains(type);
    }

    public static boolean isAllowed(String type) {
        return ALLOWED.contains(type) || type.startsWith(OOXML) || type.startsWith(OPEN_DOCUMENT);
    }

    /** Whether a customer may upload a file of this type: allowed, and none of {@link #NOT_FROM_CUSTOMERS}. */
    public static boolean isAllowedFromCustomers(String type) {
        return isAllowed(type) && !NOT_FROM_CUSTOMERS.contains(type);
    }

    private static boolean isWithin(String container, String refined) {
        if (container.equals(refined)) {
            return true;
        }
        return switch (container) {
            case "application/zip", "application/x-tika-ooxml", "application/x-tika-ooxml-protected" ->
                    refined.startsWith(OOXML) || refined.startsWith(OPEN_DOCUMENT);
            case "application/x-tika-msoffice" -> refined.equals("application/msword")
                    || refined.equals("application/vnd.ms-excel") || refined.equals("application/vnd.ms-powerpoint")
                    || refined.equals("application/vnd.ms-outlook");
            case "text/plain" -> refined.equals("text/csv") || refined.equals("text/plain");
            case "application/xml", "text/xml" -> refined.endsWith("+xml") || refined.endsWith("/xml");
            default -> false;
        };
    }
}
