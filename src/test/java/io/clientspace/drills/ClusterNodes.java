package io.clientspace.drills;

import jakarta.mail.MessagingException;
import java.util.List;
import java.util.Map;

/**
 * The drills' app nodes ({@link DrillNode} on {@link DrillServices}) for code outside this package, such as the
 * timers benchmark, which needs one and then two whole app nodes on one database.
 */
public final class ClusterNodes {

    private ClusterNodes() {
    }

    /** One started app node; close it when done. */
    public interface Node extends AutoCloseable {
        <T> T bean(Class<T> type);

        @Override
        void close();
    }

    /** A fresh database on the drills' PostgreSQL; returns its JDBC URL. */
    public static String createDatabase(String name) {
        return DrillServices.get().postgres.createDatabase(name);
    }

    /** The subject of every mail the nodes have sent so far (the drills' SMTP server). */
    public static List<String> mailSubjects() {
        return DrillServices.get().smtp.received().stream().map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Starts the whole app as a node on that database; returns once it is ready. */
    public static Node start(String name, String database, Map<String, Object> extra) {
        DrillNode node = DrillNode.start(name, database, extra);
        return new Node() {
            @Override
            public <T> T bean(Class<T> type) {
                return node.bean(type);
            }

            @Override
            public void close() {
                node.close();
            }
        };
    }
}
