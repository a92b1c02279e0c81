package io.clientspace.deal;

import java.util.UUID;

/**
 * Which of a workspace's deals a list shows: open, won or lost ones, or the open deals that a checklist filter picks
 * out (stalled, without a next step); optionally only those of one project ({@code projectId}), or only those in no
 * project ({@code withoutProject}).
 */
public record DealFilter(Show show, UUID projectId, boolean withoutProject) {

    /** What the list shows. */
    public enum Show {
        OPEN, WON, LOST,
        /** Open deals stuck in their stage for the model's stall period. */
        STALLED,
        /** Open deals that nobody has said what happens next on. */
        NO_NEXT_STEP
    }

    public DealFilter {
        if (show == null) {
            throw new IllegalArgumentException("show");
        }
        if (withoutProject && projectId != null) {
            throw new IllegalArgumentException("a project and no project at once");
        }
    }

    /** Every deal of the scope that {@code show} picks out, in any project or none. */
    public static DealFilter of(Show show) {
        return new DealFilter(show, null, false);
    }

    /** Whether the list is narrowed to one project, or to deals in none. */
    public boolean byProject() {
        return projectId != null || withoutProject;
    }
}
