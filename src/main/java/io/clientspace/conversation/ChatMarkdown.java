package io.clientspace.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The chat's small Markdown subset, rendered to HTML that is safe to put on a page: {@code **bold**},
 * {@code *italics*} or {@code _italics_}, {@code `code`}, fenced code blocks, {@code [links](https://...)} (http,
 * https and mailto only), and lists ({@code - item}, {@code 1. item}). Everything else is text.
 *
 * <p>Safety does not rest on the parser: the text is HTML-escaped before any Markdown is read, so no tag or
 * attribute the user typed survives, and the result is cleaned once more against an allow-list of the tags this
 * renderer makes (jsoup {@link Safelist}).
 */
final class ChatMarkdown {

    private static final Safelist ALLOWED = Safelist.none()
            .addTags("p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "a")
            .addAttributes("a", "href", "rel", "target")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\d{1,9}[.)]\\s+(.*)$");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]{1,500})]\\(((?:https?://|mailto:)[^\\s()]{1,2000})\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern ITALIC_STAR = Pattern.compile("(?<![*\\w])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![*\\w])");
    private static final Pattern ITALIC_UNDERSCORE = Pattern.compile("(?<![_\\w])_(?=\\S)([^_]+?)(?<=\\S)_(?![_\\w])");

    private ChatMarkdown() {
    }

    /** The message as safe HTML; an empty string for null or blank text. */
    static String toHtml(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String html = render(text.replace("\r\n", "\n").replace('\r', '\n'));
        Document dirty = Jsoup.parseBodyFragment(html);
        Document clean = new Cleaner(ALLOWED).clean(dirty);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    private static String render(String text) {
        StringBuilder out = new StringBuilder();
        List<String> paragraph = new ArrayList<>();
        String listTag = null;
        boolean inCode = false;
        StringBuilder code = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                if (inCode) {
                    out.append("<pre><code>").append(escape(code.toString())).append("</code></pre>");
                    code.setLength(0);
                    inCode = false;
                } else {
                    flushParagraph(out, paragraph);
                    listTag = closeList(out, listTag);
                    inCode = true;
                }
                continue;
            }
            if (inCode) {
                if (!code.isEmpty()) {
                    code.append('\n');
                }
                code.append(line);
                continue;
            }
            Matcher bullet = BULLET.matcher(line);
            Matcher numbered = NUMBERED.matcher(line);
            String tag = bullet.matches() ? "ul" : numbered.matches() ? "ol" : null;
            if (tag != null) {
                flushParagraph(out, paragraph);
                if (!tag.equals(listTag)) {
                    closeList(out, listTag);
                    out.append('<').append(tag).append('>');
                    listTag = tag;
                }
                String item = tag.equals("ul") ? bullet.group(1) : numbered.group(1);
                out.append("<li>").append(inline(item)).append("</li>");
                continue;
            }
            listTag = closeList(out, listTag);
            if (line.isBlank()) {
                flushParagraph(out, paragraph);
            } else {
                paragraph.add(line);
            }
        }
        if (inCode) {
            // an unclosed fence still shows its code rather than losing it
            out.append("<pre><code>").append(escape(code.toString())).append("</code></pre>");
        }
        closeList(out, listTag);
        flushParagraph(out, paragraph);
        return out.toString();
    }

    private static void flushParagraph(StringBuilder out, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("<p>");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                out.append("<br>");
            }
            out.append(inline(lines.get(i)));
        }
        out.append("</p>");
        lines.clear();
    }

    private static String closeList(StringBuilder out, String listTag) {
        if (listTag != null) {
            out.append("</").append(listTag).append('>');
        }
        return null;
    }

    /** Inline marks on one line; code spans are taken out first so that nothing inside them is read as Markdown. */
    static String inline(String line) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < line.length()) {
            int open = line.indexOf('`', i);
            int close = open < 0 ? -1 : line.indexOf('`', open + 1);
            if (open < 0 || close < 0) {
                out.append(marks(escape(line.substring(i))));
                break;
            }
            out.append(marks(escape(line.substring(i, open))));
            out.append("<code>").append(escape(line.substring(open + 1, close))).append("</code>");
            i = close + 1;
        }
        return out.toString();
    }

    /** Links, bold and italics on text that is already escaped, so that the user's text can add no markup. */
    private static String marks(String escaped) {
        Matcher link = LINK.matcher(escaped);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (link.find()) {
            out.append(emphasis(escaped.substring(last, link.start())));
            out.append("<a href=\"").append(link.group(2)).append("\">").append(emphasis(link.group(1)))
                    .append("</a>");
            last = link.end();
        }
        out.append(emphasis(escaped.substring(last)));
        return out.toString();
    }

    private static String emphasis(String escaped) {
        String s = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        s = ITALIC_STAR.matcher(s).replaceAll("<em>$1</em>");
        return ITALIC_UNDERSCORE.matcher(s).replaceAll("<em>$1</em>");
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
