package io.clientspace.deal;

/**
 * How many deals a workspace has, open, won and lost, read in one grouped query. {@code versions} is the sum of the
 * deals' stored versions: any change to a deal raises it, so two counts that are equal mean that the list they count
 * has not changed since (a live refresh leaves the list alone then).
 */
public record DealCounts(long open, long won, long lost, long versions) {

    public static final DealCounts NONE = new DealCounts(0, 0, 0, 0);

    /** Every deal of the workspace, in whatever stage. */
    public long all() {
        return open + won + lost;
    }

    /** Whether {@link #of} tells how many deals the filter lists: a view (open, won, lost) over every project. */
    public static boolean counts(DealFilter filter) {
        return !filter.byProject() && switch (filter.show()) {
            case OPEN, WON, LOST -> true;
            default -> false;
        };
    }

    /** How many deals {@code show} lists when no project narrows the list. Stalled and "no next step" are not here. */
    public long of(DealFilter.Show show) {
        return switch (show) {
            case OPEN -> open;
            case WON -> won;
            case LOST -> lost;
            default -> throw new IllegalArgumentException("not counted here: " + show);
        };
    }
}
