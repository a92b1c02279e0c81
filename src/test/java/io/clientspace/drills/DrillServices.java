package io.clientspace.drills;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import java.util.function.Supplier;

/**
 * The drills' own PostgreSQL, S3 server and SMTP server, which they stop and start at will. Nothing else in the run
 * uses them (the rest of the suite shares {@link io.clientspace.devservices.DevServices}), so a drill that takes one
 * down disturbs no other test, whatever the order. Each survives its own restart: PostgreSQL keeps its data
 * directory, S3 its blob store, SMTP its port.
 */
final class DrillServices {

    static final String S3_ACCESS_KEY = "drill";
    static final String S3_SECRET_KEY = "drill-secret";

    private static DrillServices instance;

    final Postgres postgres;
    final S3 s3;
    final Smtp smtp;

    private DrillServices(Postgres postgres, S3 s3, Smtp smtp) {
        this.postgres = postgres;
        this.s3 = s3;
        this.smtp = smtp;
    }

    /** Starts them once per JVM; stopped when the JVM exits. */
    static synchronized DrillServices get() {
        if (instance == null) {
            Path home = Path.of(System.getProperty("user.dir"), "target", "drills");
            instance = new DrillServices(Postgres.start(home.resolve("postgres")), S3.start(), Smtp.start());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                instance.smtp.stop();
                instance.s3.stop();
                instance.postgres.stop();
            }, "drill-services-stop"));
        }
        return instance;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Real PostgreSQL (zonky) on a fixed port and data directory, so that a restart is the same server. */
    static final class Postgres {
        private final Path data;
        private final int port;
        private volatile EmbeddedPostgres pg;

        private Postgres(Path data, int port) {
            this.data = data;
            this.port = port;
        }

        static Postgres start(Path data) {
            try {
                if (Files.exists(data)) {
                    try (var files = Files.walk(data)) {
                        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
                Files.createDirectories(data);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Postgres postgres = new Postgres(data, freePort());
            postgres.up();
            return postgres;
        }

        /** A fresh database for one drill class, so drills do not see each other's rows. */
        String createDatabase(String name) {
            try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                s.execute("create database " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return url(name);
        }

        String url(String database) {
            return "jdbc:postgresql://localhost:" + port + "/" + database;
        }

        /** Starts the server (again) on its port and data directory; returns once it accepts connections. */
        synchronized void up() {
            try {
                pg = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setDataDirectory(data)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setServerConfig("max_connections", "120")
                        .setServerConfig("fsync", "off")
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("Drill PostgreSQL did not start", e);
            }
        }

        /** Stops the server as a fast shutdown does: every connection is cut, open transactions roll back. */
        synchronized void stop() {
            try {
                if (pg != null) {
                    pg.close();
                    pg = null;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** s3proxy on a fixed port over one in-memory blob store that outlives a stop. */
    static final class S3 {
        static final String BUCKET = "clientspace";
        private final Supplier<S3Proxy> proxies;
        private final int port;
        private S3Proxy proxy;

        private S3(Supplier<S3Proxy> proxies, int port) {
            this.proxies = proxies;
            this.port = port;
        }

        static S3 start() {
            var blobStore = BlobStores.create("transient-nio2", new Properties());
            int port = freePort();
            S3 s3 = new S3(() -> S3Proxy.builder()
                    .blobStore(blobStore)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, S3_ACCESS_KEY, S3_SECRET_KEY)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .build(), port);
            s3.up();
            return s3;
        }

        String endpoint() {
            return "http://127.0.0.1:" + port;
        }

        synchronized void up() {
            try {
                proxy = proxies.get();
                proxy.start(); // returns once Jetty listens
            } catch (Exception e) {
                throw new IllegalStateException("Drill S3 did not start", e);
            }
        }

        /** Stops answering: connections to the port are refused until {@link #up()}. */
        synchronized void stop() {
            try {
                if (proxy != null) {
                    proxy.stop();
                    proxy = null;
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Every object key in the bucket under the prefix; while up. */
        List<String> keys(String prefix) {
            MinioClient minio = MinioClient.builder().endpoint(endpoint()).region("us-east-1")
                    .credentials(S3_ACCESS_KEY, S3_SECRET_KEY).build();
            List<String> keys = new ArrayList<>();
            try {
                for (var item : minio.listObjects(ListObjectsArgs.builder().bucket(BUCKET).prefix(prefix)
                        .recursive(true).build())) {
                    keys.add(item.get().objectName());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return keys;
        }
    }

    /**
     * GreenMail on a fixed port; while "down", the port is held by a server that answers every connection with
     * {@code 421 Service not available} (what a mail server under maintenance says) and counts the attempts.
     */
    static final class Smtp {
        private final int port;
        private final List<MimeMessage> earlier = new ArrayList<>();
        private GreenMail greenMail;
        private ServerSocket down;
        private final AtomicInteger refused = new AtomicInteger();
        private final AtomicInteger relaying = new AtomicInteger();

        private Smtp(int port) {
            this.port = port;
        }

        static Smtp start() {
            Smtp smtp = new Smtp(freePort());
            smtp.up();
            return smtp;
        }

        int port() {
            return port;
        }

        synchronized void up() {
            closeDown();
            stopGreenMail();
            greenMail = greenMailOn(port);
        }

        private static GreenMail greenMailOn(int port) {
            // GreenMail waits 2 s for its socket by default: too short on a loaded 2-core machine, where a drill
            // that brings SMTP back then left it down for every later drill
            ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(30_000);
            GreenMail started = new GreenMail(setup);
            started.start();
            return started;
        }

        private void stopGreenMail() {
            if (greenMail != null) {
                earlier.addAll(List.of(greenMail.getReceivedMessages()));
                greenMail.stop();
                greenMail = null;
            }
        }

        /**
         * Slows the mail server down until {@link #up()}: every connection waits {@code delay} before it is passed
         * on to GreenMail (moved to a port of its own), as a mail server under load keeps its greeting back.
         */
        synchronized void slow(Duration delay) {
            stopGreenMail();
            GreenMail behind = greenMailOn(freePort());
            greenMail = behind;
            int target = behind.getSmtp().getPort();
            ServerSocket socket = hold();
            Thread relay = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        daemon("drill-smtp-slow-connection", () -> relay(client, target, delay));
                    } catch (IOException e) {
                        // closed by up(): SMTP is fast again
                    }
                }
            }, "drill-smtp-slow");
            relay.setDaemon(true);
            relay.start();
        }

        private void relay(Socket client, int target, Duration delay) {
            relaying.incrementAndGet();
            try (client; Socket server = new Socket(InetAddress.getByName("127.0.0.1"), target)) {
                Thread.sleep(delay.toMillis()); // the fault itself: a server that keeps its greeting back
                Thread upstream = daemon("drill-smtp-slow-upstream", () -> pipe(client, server));
                pipe(server, client);
                upstream.join();
            } catch (IOException e) {
                // either side hung up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                relaying.decrementAndGet();
            }
        }

        private static Thread daemon(String name, Runnable work) {
            Thread thread = new Thread(work, name);
            thread.setDaemon(true);
            thread.start();
            return thread;
        }

        private static void pipe(Socket from, Socket to) {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
                to.shutdownOutput();
            } catch (IOException e) {
                // either side hung up
            }
        }

        /** Connections the slow server is holding or passing on right now. */
        int connectionsOpen() {
            return relaying.get();
        }

        private ServerSocket hold() {
            try {
                ServerSocket socket = new ServerSocket();
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                down = socket;
                return socket;
            } catch (IOException e) {
                throw new IllegalStateException("Could not hold the SMTP port", e);
            }
        }

        /** Takes SMTP down: from now on every connection gets 421 and is closed. */
        synchronized void down() {
            stopGreenMail();
            ServerSocket socket = hold();
            Thread refuser = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept(); OutputStream out = s.getOutputStream()) {
                        refused.incrementAndGet();
                        out.write("421 127.0.0.1 Service not available, closing transmission channel\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        // closed by up(): SMTP is back
                    }
                }
            }, "drill-smtp-down");
            refuser.setDaemon(true);
            refuser.start();
        }

        /** Connections refused while down, since the start. */
        int refusedConnections() {
            return refused.get();
        }

        /** Every message delivered so far, while up. */
        synchronized List<MimeMessage> received() {
            List<MimeMessage> all = new ArrayList<>(earlier);
            if (greenMail != null) {
                all.addAll(List.of(greenMail.getReceivedMessages()));
            }
            return all;
        }

        private void closeDown() {
            if (down != null) {
                try {
                    down.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }

        synchronized void stop() {
            closeDown();
            if (greenMail != null) {
                greenMail.stop();
            }
        }
    }
}
