package io.clientspace.shared.ui;

/**
 * Puts a translated text into a {@link com.vaadin.flow.data.renderer.LitRenderer} template once, instead of sending
 * it with every row as a property. The template is a JavaScript template literal holding HTML, so the text is escaped
 * for both: nothing in a translation can end the literal, start an expression or become markup.
 */
public final class LitTexts {

    private LitTexts() {
    }

    /**
     * The one copy of {@code template} that every session drawing the same grid in the same language shares. A
     * template with its texts and inline icons is a few kB, and each open view held its own copy until it closed
     * (issue 19 §6: a staff session's heap).
     */
    public static String shared(String template) {
        return template.intern();
    }

    /** {@code text} as HTML text or an attribute value inside a Lit template. */
    public static String text(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // the template literal's own syntax: its end, an expression's start, an escape
                case '`' -> out.append("&#96;");
                case '$' -> out.append("&#36;");
                case '\\' -> out.append("&#92;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A Vaadin icon as markup, as {@code VaadinIcon.create()} draws it, for a template or an {@code Html} element. */
    public static String icon(com.vaadin.flow.component.icon.VaadinIcon icon) {
        return icon(icon, null);
    }

    /** The same, with a class name for the page's styles; none when {@code cssClass} is null. */
    public static String icon(com.vaadin.flow.component.icon.VaadinIcon icon, String cssClass) {
        return icon(name(icon), cssClass, null);
    }

    /** A Vaadin icon in the {@code prefix} slot of the element it is put in (a button), as its {@code setIcon} does. */
    public static String prefixIcon(com.vaadin.flow.component.icon.VaadinIcon icon) {
        return icon(name(icon), null, "prefix");
    }

    /**
     * An icon by its full name ({@code vaadin:building}, as {@code @Menu} gives it), with a class name and a slot
     * where not null.
     */
    public static String icon(String iconName, String cssClass, String slot) {
        return "<vaadin-icon" + (cssClass == null ? "" : " class=\"" + text(cssClass) + "\"")
                + (slot == null ? "" : " slot=\"" + text(slot) + "\"") + " icon=\"" + text(iconName)
                + "\"></vaadin-icon>";
    }

    private static String name(com.vaadin.flow.component.icon.VaadinIcon icon) {
        return "vaadin:" + icon.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * A link as markup, or the bare text when {@code href} is no web, mail or in-app address (a {@code javascript:}
     * link must not be drawn from data).
     *
     * @param newWindow whether it opens in a new window, without giving that window a way back to this page
     */
    public static String link(String href, String label, boolean newWindow) {
        String lower = href == null ? "" : href.toLowerCase(java.util.Locale.ROOT);
        // an in-app address has no scheme and no host ("//host" or "\\host" would leave the app)
        boolean inApp = !lower.contains(":") && !lower.startsWith("//") && !lower.startsWith("\\");
        boolean safe = href != null && (lower.startsWith("https://") || lower.startsWith("http://")
                || lower.startsWith("mailto:") || inApp);
        if (!safe) {
            return "<span>" + text(label) + "</span>";
        }
        return "<a href=\"" + text(href) + "\"" + (newWindow ? " target=\"_blank\" rel=\"noopener\"" : "") + ">"
                + text(label) + "</a>";
    }

    /**
     * A tooltip for the element whose opening tag this attribute goes in (a button, an icon): the page's one
     * {@link SharedTooltip} shows it, with the look of {@code Component.setTooltipText}. {@code text} is escaped; a
     * Lit binding ({@code ${item.why}}) may take its place through {@link #tooltipBinding}.
     */
    public static String tooltip(String text) {
        return " data-tooltip=\"" + text(text) + "\"";
    }

    /** The same attribute with its text from a Lit template's binding, such as {@code item.ownerOnly}. */
    public static String tooltipBinding(String expression) {
        return " data-tooltip=\"${" + expression + "}\"";
    }
}
