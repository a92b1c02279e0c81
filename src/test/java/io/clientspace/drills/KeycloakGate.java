package io.clientspace.drills;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP gate between an app node and the run's Keycloak: while it is {@link #cut()}, the node's connections to
 * Keycloak are refused and the open ones are dropped, as when Keycloak is down or its host unreachable; after
 * {@link #restore()} it forwards again on the same port. The run's Keycloak itself keeps running for the other tests.
 */
final class KeycloakGate implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private KeycloakGate(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    /** A gate on a free port that forwards to {@code localhost:targetPort}. */
    static KeycloakGate to(int targetPort) {
        KeycloakGate gate = new KeycloakGate(DrillServices.freePort(), targetPort);
        gate.restore();
        return gate;
    }

    /** What the node uses as Keycloak's address. */
    String url() {
        return "http://localhost:" + port;
    }

    /** Keycloak goes away: new connections are refused and open ones dropped. */
    synchronized void cut() {
        closeQuietly(server);
        server = null;
        open.forEach(KeycloakGate::closeQuietly);
        open.clear();
    }

    /** Keycloak is back. */
    synchronized void restore() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            daemon("keycloak-gate-" + port, () -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(upstream);
                daemon("keycloak-gate-in", () -> pipe(client, upstream));
                daemon("keycloak-gate-out", () -> pipe(upstream, client));
            } catch (IOException e) {
                // the gate was cut, or Keycloak refused: the node sees a dropped connection
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing
            }
        }
    }

    @Override
    public void close() {
        cut();
    }
}
