package io.clientspace.shared.ui;

import com.vaadin.flow.component.select.Select;
import io.clientspace.shared.i18n.LocaleSelection;
import io.clientspace.shared.i18n.Translations;
import java.util.Locale;

/** EN / DE / RU, each language named in itself. */
public class LanguageSelect extends Select<Locale> {

    public LanguageSelect() {
        setItems(Translations.LOCALES);
        setItemLabelGenerator(l -> l.getDisplayLanguage(l).substring(0, 1).toUpperCase(l)
                + l.getDisplayLanguage(l).substring(1));
        addClassName("language-select");
        setAriaLabel(getTranslation("language.label"));
        addAttachListener(e -> setValue(Translations.supported(e.getUI().getLocale())));
        addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                LocaleSelection.choose(getUI().orElseThrow(), e.getValue());
            }
        });
    }
}
