package io.clientspace.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * English, German and Russian from {@code vaadin-i18n/translations*.properties} (UTF-8). English is the base
 * bundle, so a key missing in another language shows in English rather than as a raw key.
 */
@Component
public class Translations implements I18NProvider {

    public static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.forLanguageTag("ru"));
    static final String BUNDLE = "vaadin-i18n/translations";
    private static final Logger log = LoggerFactory.getLogger(Translations.class);
    private static final ResourceBundle.Control NO_SYSTEM_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale effective = supported(locale);
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, effective, NO_SYSTEM_FALLBACK).getString(key);
            // always through MessageFormat, so '' means one apostrophe whether or not there are parameters
            return new MessageFormat(pattern, effective).format(params);
        } catch (MissingResourceException e) {
            log.warn("Missing translation {} for {}", key, effective);
            return key;
        }
    }

    /**
     * The text for {@code key} when the bundles have one; empty otherwise, without a warning: for names that come
     * from data or models (a deal stage a process owner added) and are shown as they are when not translated.
     */
    public static Optional<String> find(String key, Locale locale, Object... params) {
        Locale effective = supported(locale);
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, effective, NO_SYSTEM_FALLBACK);
        if (!bundle.containsKey(key)) {
            return Optional.empty();
        }
        return Optional.of(new MessageFormat(bundle.getString(key), effective).format(params));
    }

    /** The supported locale closest to the given one (by language); English otherwise. */
    public static Locale supported(Locale locale) {
        if (locale != null) {
            for (Locale l : LOCALES) {
                if (l.getLanguage().equals(locale.getLanguage())) {
                    return l;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
