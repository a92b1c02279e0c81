package io.clientspace.shared.live;

import io.clientspace.shared.TransactionBound;
import java.util.HashSet;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "Something about this client changed": sent through PostgreSQL NOTIFY after a commit, so every app node hears it,
 * and handed to the views that show that client (they refresh their counters). A dedicated connection outside the
 * pool LISTENs; when it drops, it reconnects.
 *
 * <p>The same connection carries "a new item in a stream" (a chat channel's new message): the payload is the
 * stream's id and the item's id, and the views that show the stream fetch the item themselves, so nothing a reader
 * may not see travels in a notice.
 */
@Component
public class ClientChanges implements DisposableBean {

    /** Also named in the V66 migration's trigger, which notifies on every new timeline entry and task row. */
    static final String CHANNEL = "clientspace_client_changed";
    static final String ITEMS = "clientspace_stream_item";
    private static final Logger log = LoggerFactory.getLogger(ClientChanges.class);

    private final JdbcTemplate jdbc;
    private final DataSourceProperties dataSource;
    private final Map<UUID, Set<Consumer<UUID>>> subscribers = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Consumer<UUID>>> itemSubscribers = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile Connection listening;
    private Thread listener;

    ClientChanges(JdbcTemplate jdbc, DataSourceProperties dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /**
     * Tells every node that the client changed. Inside a transaction the notice goes out when it commits, and not
     * at all if it rolls back.
     */
    public void publish(UUID clientId) {
        Set<UUID> told = TransactionBound.get(this, HashSet::new);
        if (told != null && !told.add(clientId)) {
            // PostgreSQL folds identical notices of one transaction into one; spare the round trip as well
            return;
        }
        jdbc.queryForObject("select pg_notify(?, ?)", Object.class, CHANNEL, clientId.toString());
    }

    /**
     * Calls {@code onChange} (on the listener thread) whenever the client changes on any node, until the returned
     * handle is closed.
     */
    public AutoCloseable subscribe(UUID clientId, Consumer<UUID> onChange) {
        subscribers.computeIfAbsent(clientId, k -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> subscribers.computeIfPresent(clientId, (k, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    /**
     * Tells every node that the stream (a chat channel) has a new or changed item (a message). Inside a transaction
     * the notice goes out when it commits, and not at all if it rolls back.
     */
    public void publishItem(UUID streamId, UUID itemId) {
        jdbc.queryForObject("select pg_notify(?, ?)", Object.class, ITEMS, streamId + ":" + itemId);
    }

    /**
     * Calls {@code onItem} with the item's id (on the listener thread) whenever the stream gets an item on any node,
     * until the returned handle is closed.
     */
    public AutoCloseable subscribeItems(UUID streamId, Consumer<UUID> onItem) {
        itemSubscribers.computeIfAbsent(streamId, k -> new CopyOnWriteArraySet<>()).add(onItem);
        return () -> itemSubscribers.computeIfPresent(streamId, (k, set) -> {
            set.remove(onItem);
            return set.isEmpty() ? null : set;
        });
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        listener = new Thread(this::listen, "client-changes-listener");
        listener.setDaemon(true);
        listener.start();
    }

    private void listen() {
        long backoff = 500;
        while (running) {
            try (Connection connection = DriverManager.getConnection(dataSource.determineUrl(),
                    dataSource.determineUsername(), dataSource.determinePassword())) {
                listening = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                    statement.execute("LISTEN " + ITEMS);
                }
                backoff = 500;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(10_000);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            if (ITEMS.equals(n.getName())) {
                                dispatchItem(n.getParameter());
                            } else {
                                dispatch(n.getParameter());
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for client changes failed, retrying in {} ms: {}", backoff, e.getMessage());
                    try {
                        Thread.sleep(backoff); // reconnect back-off, not a test wait
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    backoff = Math.min(backoff * 2, 30_000);
                }
            }
        }
    }

    private void dispatch(String payload) {
        UUID clientId;
        try {
            clientId = UUID.fromString(payload);
        } catch (IllegalArgumentException e) {
            return;
        }
        tell(subscribers.getOrDefault(clientId, Set.of()), clientId);
    }

    private void dispatchItem(String payload) {
        int colon = payload.indexOf(':');
        UUID streamId;
        UUID itemId;
        try {
            streamId = UUID.fromString(payload.substring(0, Math.max(colon, 0)));
            itemId = UUID.fromString(payload.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return;
        }
        tell(itemSubscribers.getOrDefault(streamId, Set.of()), itemId);
    }

    private static void tell(Set<Consumer<UUID>> subscribers, UUID id) {
        for (Consumer<UUID> subscriber : subscribers) {
            try {
                subscriber.accept(id);
            } catch (RuntimeException e) {
                log.debug("Subscriber failed", e);
            }
        }
    }

    @Override
    public void destroy() throws Exception {
        running = false;
        Connection c = listening;
        if (c != null) {
            c.close();
        }
        if (listener != null) {
            listener.interrupt();
        }
    }
}
