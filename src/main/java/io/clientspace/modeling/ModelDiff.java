package io.clientspace.modeling;

import java.util.List;

/** Element ids a version added, removed or changed against the version before it; all empty for the first one. */
public record ModelDiff(List<String> added, List<String> removed, List<String> changed) {

    public static final ModelDiff NONE = new ModelDiff(List.of(), List.of(), List.of());

    public ModelDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
