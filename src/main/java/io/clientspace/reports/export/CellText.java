package io.clientspace.reports.export;

import io.clientspace.reports.Column;

/**
 * The words for values that read differently per language: a stage, an outcome, "unassigned", yes and no. The view
 * passes its translations; numbers and dates are written by the exporters themselves, typed.
 */
@FunctionalInterface
public interface CellText {

    /** @param value the raw value, may be null; returns the text to show, never null */
    String text(Column column, Object value);
}
