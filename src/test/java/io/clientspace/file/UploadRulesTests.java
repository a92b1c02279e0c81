package io.clientspace.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an uploaded file may be called and, from a customer, what it may be. */
class UploadRulesTests {

    @Test
    void bidiOverridesZeroWidthAndControlCharactersAreStrippedFromNames() {
        // U+202E RIGHT-TO-LEFT OVERRIDE makes "invoice<RLO>fdp.exe" read as "invoiceexe.pdf"
        assertThat(ObjectStore.cleanName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(ObjectStore.cleanName("\u2066report\u2069\u200B.pdf")).isEqualTo("report.pdf");
        assertThat(ObjectStore.cleanName("a\u200Eb\u200Fc\u061C.txt")).isEqualTo("abc.txt");
        assertThat(ObjectStore.cleanName("line\u2028break\u2029.txt")).isEqualTo("linebreak.txt");
        assertThat(ObjectStore.cleanName("tab\tnew\nline\u0000.txt")).isEqualTo("tabnewline.txt");
        assertThat(ObjectStore.cleanName("C:\\temp\\Übersicht 2026 – Entwurf.pdf"))
                .isEqualTo("Übersicht 2026 – Entwurf.pdf");
        assertThat(ObjectStore.cleanName("\u202E\u200B")).isNull();
    }

    @Test
    void customersMayNotUploadMacroCapableOfficeRtfOrZipWhichStaffMay() {
        for (String type : new String[] {"application/msword", "application/vnd.ms-excel",
                "application/vnd.ms-powerpoint", "application/x-tika-msoffice", "application/rtf",
                "application/zip"}) {
            assertThat(FileTypes.isAllowed(type)).as("staff: " + type).isTrue();
            assertThat(FileTypes.isAllowedFromCustomers(type)).as("customer: " + type).isFalse();
        }
        for (String type : new String[] {"application/pdf", "image/png",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.oasis.opendocument.text", "text/plain"}) {
            assertThat(FileTypes.isAllowedFromCustomers(type)).as(type).isTrue();
        }
        assertThat(FileTypes.isAllowedFromCustomers("application/x-msdownload")).isFalse();
    }

    @Test
    void clamdRepliesAreReadStrictlyAndAnythingElseIsNoVerdict() {
        assertThat(VirusScanner.interpret("stream: OK").verdict()).isEqualTo(VirusScanner.Verdict.CLEAN);
        VirusScanner.Result found = VirusScanner.interpret("stream: Eicar-Test-Signature FOUND");
        assertThat(found.verdict()).isEqualTo(VirusScanner.Verdict.INFECTED);
        assertThat(found.detail()).isEqualTo("Eicar-Test-Signature");
        assertThat(VirusScanner.interpret("INSTREAM size limit exceeded. ERROR").verdict())
                .isEqualTo(VirusScanner.Verdict.UNAVAILABLE);
        assertThat(VirusScanner.interpret("").verdict()).isEqualTo(VirusScanner.Verdict.UNAVAILABLE);
    }
}
