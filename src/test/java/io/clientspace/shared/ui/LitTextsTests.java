package io.clientspace.shared.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A translation put into a Lit template stays text: it cannot end the template literal, open an expression or add markup. */
class LitTextsTests {

    @Test
    void aTranslationCannotEndTheLiteralOpenAnExpressionOrAddMarkup() {
        String hostile = "Move on` + alert(1) + `${item.secret}<img src=x onerror=alert(2)> \"quoted\" l'avoir \\n";

        String escaped = LitTexts.text(hostile);

        assertThat(escaped).doesNotContain("`", "${", "<", ">", "\"", "'", "\\");
        assertThat(escaped).isEqualTo("Move on&#96; + alert(1) + &#96;&#36;{item.secret}&lt;img src=x"
                + " onerror=alert(2)&gt; &quot;quoted&quot; l&#39;avoir &#92;n");
    }

    @Test
    void ordinaryTextsInEveryLanguageStayAsTheyAre() {
        assertThat(LitTexts.text("Weiter verschieben")).isEqualTo("Weiter verschieben");
        assertThat(LitTexts.text("Перевести дальше")).isEqualTo("Перевести дальше");
        assertThat(LitTexts.text("Prüfen & ändern")).isEqualTo("Prüfen &amp; ändern");
    }

    @Test
    void aTooltipCarriesItsTextEscapedInTheAttributeTheSharedTooltipReads() {
        assertThat(LitTexts.tooltip("Edit \"deal\""))
                .isEqualTo(" data-tooltip=\"Edit &quot;deal&quot;\"");
        assertThat(LitTexts.tooltip("<img onerror=x> ${alert(1)}"))
                .doesNotContain("<img", "${");
        assertThat(LitTexts.tooltipBinding("item.ownerOnly")).isEqualTo(" data-tooltip=\"${item.ownerOnly}\"");
    }

    @Test
    void aLinkFromDataIsDrawnOnlyForWebMailAndInAppAddressesAndStaysEscaped() {
        assertThat(LitTexts.link("https://example.com/?a=1&b=\"2\"", "example.com", true)).isEqualTo(
                "<a href=\"https://example.com/?a=1&amp;b=&quot;2&quot;\" target=\"_blank\" rel=\"noopener\">"
                        + "example.com</a>");
        assertThat(LitTexts.link("mailto:anna@example.com", "anna@example.com", false))
                .isEqualTo("<a href=\"mailto:anna@example.com\">anna@example.com</a>");
        assertThat(LitTexts.link("clients/company/42?tab=external", "Acme <GmbH>", false))
                .isEqualTo("<a href=\"clients/company/42?tab=external\">Acme &lt;GmbH&gt;</a>");

        assertThat(LitTexts.link("JavaScript:alert(1)", "click me", false))
                .as("a script address shows as text, never as a link").isEqualTo("<span>click me</span>");
        assertThat(LitTexts.link("data:text/html,<script>", "x", true)).isEqualTo("<span>x</span>");
        assertThat(LitTexts.link("//elsewhere.example/clients", "x", false))
                .as("no scheme but another host: not an in-app address").isEqualTo("<span>x</span>");
    }

    @Test
    void anIconCarriesItsClass() {
        assertThat(LitTexts.icon(com.vaadin.flow.component.icon.VaadinIcon.USER_STAR, "fact-icon"))
                .isEqualTo("<vaadin-icon class=\"fact-icon\" icon=\"vaadin:user-star\"></vaadin-icon>");
    }

    @Test
    void twoViewsDrawingTheSameTemplateShareOneCopyOfIt() {
        String one = LitTexts.shared(new StringBuilder("<span>${item.stage}</span>").append(" Stalled").toString());
        String two = LitTexts.shared(new StringBuilder("<span>${item.stage}</span>").append(" Stalled").toString());

        assertThat(one).isSameAs(two).isEqualTo("<span>${item.stage}</span> Stalled");
        assertThat(LitTexts.shared("<span>${item.stage}</span> Stockt")).isNotSameAs(one);
    }
}
