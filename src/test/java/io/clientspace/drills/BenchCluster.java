package io.clientspace.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * App nodes for the benchmarks (package io.clientspace.bench) that need more than one: the drills' own nodes
 * ({@link DrillNode}, the whole app in this JVM) on a fresh database of the drills' PostgreSQL ({@link DrillServices}),
 * as {@link TwoNodesDrillTests} starts them. A public door onto package-private drill classes, so those stay as the
 * drills want them.
 */
public final class BenchCluster implements AutoCloseable {

    private final List<DrillNode> nodes;
    private final String database;

    private BenchCluster(List<DrillNode> nodes, String database) {
        this.nodes = nodes;
        this.database = database;
    }

    /** Starts one node per name, in order, on a new database named {@code database}; returns once all are ready. */
    public static BenchCluster start(String database, Map<String, Object> extra, String... names) {
        String url = DrillServices.get().postgres.createDatabase(database);
        List<DrillNode> started = new ArrayList<>();
        try {
            for (String name : names) {
                started.add(DrillNode.start(name, url, extra));
            }
        } catch (RuntimeException e) {
            started.forEach(DrillNode::close);
            throw e;
        }
        return new BenchCluster(started, url);
    }

    public <T> T bean(int node, Class<T> type) {
        return nodes.get(node).bean(type);
    }

    public String name(int node) {
        return nodes.get(node).name();
    }

    /** The JDBC URL of the nodes' database. */
    public String database() {
        return database;
    }

    @Override
    public void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }
}
