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
    void aTooltipCarriesItsTextEscapedInTheTooltipSlot() {
        assertThat(LitTexts.tooltip("Edit \"deal\""))
                .isEqualTo("<vaadin-tooltip slot=\"tooltip\" text=\"Edit &quot;deal&quot;\"></vaadin-tooltip>");
    }
}
