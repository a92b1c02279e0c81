package io.clientspace.reports;

/** An export of a report without rows: refused, so nobody gets an empty file. */
public class EmptyReportException extends RuntimeException {

    public EmptyReportException() {
        super("The report has no rows for this range and these filters");
    }
}
