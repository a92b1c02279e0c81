package io.clientspace.conversation.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The right to read the catch-all mailbox: a PostgreSQL session-level advisory lock, held on one connection for as
 * long as the node reads. Only one node of a cluster holds it; when that node dies its connection closes and the lock
 * is free for the next. The key is fixed per mailbox, so two mailboxes could be read by two nodes.
 */
public final class InboxLease implements AutoCloseable {

    private final Connection connection;
    private final long key;

    private InboxLease(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /** The lock's key for a mailbox: a stable 64-bit number, apart from any other advisory lock of the app. */
    public static long keyOf(String mailbox) {
        long h = 0x636c69656e74L; // "client"
        for (char c : ("mail-inbox:" + mailbox).toCharArray()) {
            h = h * 1_000_003L + c;
        }
        return h;
    }

    /** The lease when no other node holds it; empty otherwise (nothing is held then). */
    public static Optional<InboxLease> tryAcquire(DataSource dataSource, String mailbox) throws SQLException {
        long key = keyOf(mailbox);
        Connection connection = dataSource.getConnection();
        try {
            connection.setAutoCommit(true);
            try (PreparedStatement st = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                st.setLong(1, key);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new InboxLease(connection, key));
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return Optional.empty();
    }

    /**
     * Whether the lock is still ours: a session-level advisory lock lasts as long as its connection, so this asks
     * whether the connection still answers; false when it was lost (another node may read now).
     */
    public boolean held() {
        try {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try (connection) {
            try (PreparedStatement st = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                st.setLong(1, key);
                st.execute();
            }
        } catch (SQLException ignored) {
            // a closed connection has released the lock already
        }
    }
}
