package io.clientspace.bench;

import java.util.function.Function;

/**
 * How much data {@link BenchDataGenerator} makes. {@link #full()} is the volume of issue 6 (a firm with a few years
 * of work and one busy client); {@link #guard()} is the reduced scale the query-plan and statement-count guards of
 * the normal build generate; every value can be overridden with a system property or Spring property
 * {@code clientspace.bench.<name>} (e.g. {@code -Dclientspace.bench.large-tasks=20000}).
 *
 * @param clients          companies in all, the large client included
 * @param projects         client projects in all; a fifth of them (at least one) on the large client
 * @param largeDeals       deals on the large client; the open ones run the deal-stages process
 * @param largeTasks       tasks on the large client (open and done)
 * @param myTasks          open tasks assigned to the "My tasks" user (member), out of {@code largeTasks}
 * @param files            files on the large client, a tenth of them in the trash
 * @param documents        documents on the large client
 * @param versions         versions per document
 * @param portalContacts   portal contacts of the large client
 * @param timelineEntries  activity entries on the large client
 * @param requests         information requests sent in the large client's shared project, each running its process
 * @param tasksPerClient   tasks on every other client; a quarter as many files, an eighth as many documents and half
 *                         as many activity entries, and a deal for every ten
 * @param objects          whether files and versions get small objects in S3 (the guards skip them: they roll back)
 * @param processes        whether open deals get their deal-stages process (and other in-flight processes start)
 * @param users            signed-in users of each kind for the concurrency runs (issue 19 section 3): managers who
 *                         open the large client, members with {@code myTasks} open tasks each, active portal contacts
 *                         of the large client; the first of each is {@code manager}, {@code member} and the first
 *                         contact, and each further member owns a client of their own that holds their tasks
 */
public record BenchScale(int clients, int projects, int largeDeals, int largeTasks, int myTasks, int files,
                         int documents, int versions, int portalContacts, int timelineEntries, int requests,
                         int tasksPerClient,
                         boolean objects, boolean processes, int users) {

    public static BenchScale full() {
        return new BenchScale(2_000, 200, 500, 10_000, 1_000, 2_000, 1_000, 2, 50, 5_000, 100, 20, true, true, 8);
    }

    /** Enough rows that a missing index shows as a sequential scan, little enough to generate in a few seconds. */
    public static BenchScale guard() {
        return new BenchScale(1_000, 100, 200, 4_000, 400, 1_000, 500, 2, 30, 2_000, 0, 20, false, false, 1);
    }

    /** This scale with every value a property names replaced, e.g. {@code clientspace.bench.large-tasks}. */
    public BenchScale overriddenBy(Function<String, String> properties) {
        return new BenchScale(i(properties, "clients", clients), i(properties, "projects", projects),
                i(properties, "large-deals", largeDeals), i(properties, "large-tasks", largeTasks),
                i(properties, "my-tasks", myTasks), i(properties, "files", files),
                i(properties, "documents", documents), i(properties, "versions", versions),
                i(properties, "portal-contacts", portalContacts), i(properties, "timeline-entries", timelineEntries),
                i(properties, "requests", requests), i(properties, "tasks-per-client", tasksPerClient), b(properties, "objects", objects),
                b(properties, "processes", processes), i(properties, "users", users));
    }

    /** The scale as system properties override it. */
    public BenchScale overriddenBySystemProperties() {
        return overriddenBy(System::getProperty);
    }

    private static int i(Function<String, String> p, String name, int fallback) {
        String v = p.apply("clientspace.bench." + name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim().replace("_", ""));
    }

    private static boolean b(Function<String, String> p, String name, boolean fallback) {
        String v = p.apply("clientspace.bench." + name);
        return v == null || v.isBlank() ? fallback : Boolean.parseBoolean(v.trim());
    }
}
