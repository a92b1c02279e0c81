package io.clientspace.timeline;

/** Where the timeline is in the UI. */
public final class TimelineNavigation {

    /** The Activity tab's id on the client and project workspaces ({@code ?tab=activity}). */
    public static final String TAB = "activity";

    private TimelineNavigation() {
    }
}
