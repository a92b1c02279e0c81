package io.clientspace.conversation.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Cleans a mail's HTML before it is stored: jsoup's relaxed safelist without images (a remote image tells the
 * sender when and where the mail was read), no styles or scripts, and links that open apart from the app.
 */
public final class HtmlSanitizer {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .removeTags("img")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank")
            .removeProtocols("a", "href", "ftp");

    private HtmlSanitizer() {
    }

    /** The safe HTML, or null when nothing is left of it. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        String cleaned = Jsoup.clean(html, "", SAFELIST, out).trim();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The text a person reads in the HTML, for a mail that has no text part. */
    public static String text(String html) {
        if (html == null) {
            return null;
        }
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false);
        doc.select("br").append("\\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4").prepend("\\n");
        return doc.text().replace("\\n", "\n").replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").trim();
    }
}
