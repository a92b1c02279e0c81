package io.clientspace.reports;

/**
 * One column of a report's table.
 *
 * @param key            stable name: the translation key's last part and the export's header source; never null
 * @param type           what it holds; never null
 * @param currencyColumn for {@link ColumnType#MONEY}, the index of the row's currency column; else -1
 */
public record Column(String key, ColumnType type, int currencyColumn) {

    public static Column of(String key, ColumnType type) {
        return new Column(key, type, -1);
    }

    public static Column money(String key, int currencyColumn) {
        return new Column(key, ColumnType.MONEY, currencyColumn);
    }
}
