package io.clientspace.shared.ui;

import java.time.Month;
import java.time.format.TextStyle;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Date pickers in the user's language: month and weekday names come from the locale, the buttons from our bundles,
 * and the week starts on the day that is usual there (Monday in Germany and Russia, Sunday in the US).
 */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker localized(DatePicker picker, Locale locale) {
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        // the stand-alone form: a calendar header says "январь", not "января"
        i18n.setMonthNames(Arrays.stream(Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale)).toList());
        // DateFormatSymbols counts weekdays from 1 = Sunday; the picker wants Sunday first
        i18n.setWeekdays(List.of(Arrays.copyOfRange(symbols.getWeekdays(), 1, 8)));
        i18n.setWeekdaysShort(List.of(Arrays.copyOfRange(symbols.getShortWeekdays(), 1, 8)));
        DayOfWeek first = WeekFields.of(locale).getFirstDayOfWeek();
        i18n.setFirstDayOfWeek(first.getValue() % 7);
        i18n.setToday(picker.getTranslation("datepicker.today"));
        i18n.setCancel(picker.getTranslation("datepicker.cancel"));
        picker.setI18n(i18n);
        picker.setLocale(locale);
        return picker;
    }
}
