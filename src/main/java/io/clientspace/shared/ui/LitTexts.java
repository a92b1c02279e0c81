package io.clientspace.shared.ui;

/**
 * Puts a translated text into a {@link com.vaadin.flow.data.renderer.LitRenderer} template once, instead of sending
 * it with every row as a property. The template is a JavaScript template literal holding HTML, so the text is escaped
 * for both: nothing in a translation can end the literal, start an expression or become markup.
 */
public final class LitTexts {

    private LitTexts() {
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
        return "<vaadin-icon icon=\"vaadin:" + icon.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + "\"></vaadin-icon>";
    }

    /** A tooltip for the element it is put in (a button, an icon), as {@code Component.setTooltipText} makes one. */
    public static String tooltip(String text) {
        return "<vaadin-tooltip slot=\"tooltip\" text=\"" + text(text) + "\"></vaadin-tooltip>";
    }
}
