package io.clientspace.bench;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What {@link BenchDataGenerator} made, for the benchmark and the guards to aim at.
 *
 * @param marker          part of every generated name, so a second run stands apart from the first
 * @param largeClientId   the busy client: thousands of tasks, files and documents
 * @param smallClientId   a client with a handful of everything, made by the same code as the large one
 * @param sharedProjectId a project of the large client shared with its portal, tasks visible
 * @param contactUsername an active portal contact of the large client
 * @param myTasksUser     the staff user with {@link BenchScale#myTasks()} open tasks
 * @param openDealIds     the open deals of the large and the small client, whose processes {@link InFlightProcesses}
 *                        start
 * @param rows            rows written per table
 * @param managers        {@link BenchScale#users()} managers who may open the large client, {@code manager} first
 * @param members         as many members, each with {@link BenchScale#myTasks()} open tasks, {@code member} first
 * @param contacts        as many active portal contacts of the large client, who see the shared project,
 *                        {@code contactUsername} first
 */
public record GeneratedData(String marker, UUID largeClientId, UUID smallClientId, UUID sharedProjectId,
                            String contactUsername, String myTasksUser, List<UUID> openDealIds,
                            Map<String, Integer> rows, List<String> managers, List<String> members,
                            List<String> contacts) {
}
