package io.clientspace.reports;

/**
 * What a report column holds, so the screen, the CSV and the XLSX each show it right: an XLSX gets dates as dates,
 * money as numbers in the row's currency, hours as decimals.
 */
public enum ColumnType {
    /** Plain text, as stored. */
    TEXT,
    /** A deal stage's enum name; the screen translates it. */
    STAGE,
    /** WON or LOST; the screen translates it. */
    OUTCOME,
    /** A proposal's fee model's enum name ({@code FIXED_FEE}, …); the screen translates it. */
    FEE_MODEL,
    /** A proposal's status's enum name ({@code ACCEPTED}, …); the screen translates it. */
    PROPOSAL_STATUS,
    /** A staff username; null means nobody (unassigned). */
    PERSON,
    /** A {@link java.time.LocalDate} that stands for its month. */
    MONTH,
    /** A {@link java.time.LocalDate}. */
    DATE,
    /** A whole number ({@link Long}). */
    COUNT,
    /** A {@link java.math.BigDecimal} amount in the currency held by the column named in {@link Column#currencyColumn}. */
    MONEY,
    /** An ISO 4217 code. */
    CURRENCY,
    /** Hours as a {@link java.math.BigDecimal} with two decimals. */
    HOURS,
    /** Days as a {@link java.math.BigDecimal} with one decimal. */
    DAYS,
    /** Yes or no ({@link Boolean}). */
    FLAG,
    /** The id of the row's client or project: exported, not shown on screen. */
    ID,
    /** A share between 0 and 1 ({@link java.math.BigDecimal}); null where it is undefined (nothing booked). */
    RATIO
}
