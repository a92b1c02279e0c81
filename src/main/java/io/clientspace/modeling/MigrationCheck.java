package io.clientspace.modeling;

import java.util.List;

/**
 * The dry run of moving a version's running instances to another version, activities mapped by equal ids.
 *
 * @param unmappedActivities activities of the source version that the target does not have
 * @param blocked            the instances that cannot move, each with why
 */
public record MigrationCheck(String key, int fromVersion, int toVersion, long instances,
        List<String> unmappedActivities, List<Blocked> blocked) {

    /** One instance that cannot move, and the engine's reasons. */
    public record Blocked(String processInstanceId, String businessKey, List<String> reasons) {
    }

    public boolean canMigrate() {
        return instances > 0 && blocked.isEmpty();
    }
}
