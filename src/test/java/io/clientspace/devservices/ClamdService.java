package io.clientspace.devservices;

import java.util.concurrent.TimeUnit;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * ClamAV's clamd from Debian's clamav-daemon, on a signature database of our own: freshclam has no route out here, so
 * the database holds just the EICAR test signature (as a body signature and as a hash). Listens on TCP on
 * 127.0.0.1 only. Tests may stop and start it again on the same port to see what uploads do while it is down.
 */
public final class ClamdService implements AutoCloseable {

    static final int RUN_PORT = 13310;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    /** The 68-byte EICAR anti-virus test file; every scanner reports it, none is harmed by it. */
    public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private final Path home;
    private final int port;
    private final Path executable;
    private Process process;

    private ClamdService(Path home, int port, Path executable) {
        this.home = home;
        this.port = port;
        this.executable = executable;
    }

    /**
     * Starts clamd for the local run or the tests. The tests need it (they prove that EICAR is refused); the local
     * run on a machine without ClamAV starts without it, and uploads then wait in quarantine, as in production while
     * clamd is down: nothing is let through unscanned.
     *
     * @return null in the local run when clamd is not installed
     */
    static ClamdService start(DevServices.Mode mode, Path devservicesHome) {
        if (mode == DevServices.Mode.RUN && installed().isEmpty()) {
            System.err.println("clamd (ClamAV) is not installed: uploads will wait in quarantine (\"Waiting for virus"
                    + " scan\"). To scan them: sudo apt-get install clamav-daemon, then start again.");
            return null;
        }
        Path executable = locate();
        Path home = devservicesHome.resolve("clamav");
        int port = mode == DevServices.Mode.RUN ? RUN_PORT : Ports.free();
        ClamdService clamd = new ClamdService(home, port, executable);
        clamd.writeConfiguration();
        clamd.startProcess();
        return clamd;
    }

    public int port() {
        return port;
    }

    /** Stops clamd and waits until it no longer accepts connections. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        process = null;
    }

    /** Starts clamd again on the same port and returns once it answers PING. */
    public synchronized void restart() {
        if (process == null) {
            startProcess();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static java.util.Optional<Path> installed() {
        return List.of("/usr/sbin/clamd", "/usr/bin/clamd", "/usr/local/sbin/clamd", "/usr/local/bin/clamd").stream()
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static Path locate() {
        return installed().orElseThrow(() -> new IllegalStateException("clamd (ClamAV) is not installed, and every upload is scanned for viruses."
                + " Install it: sudo apt-get install clamav-daemon (Debian/Ubuntu). The dev services run it on their"
                + " own test signature database, so no signature download is needed."));
    }

    private void writeConfiguration() {
        try {
            Path db = home.resolve("db");
            Files.createDirectories(db);
            byte[] eicar = EICAR.getBytes(StandardCharsets.US_ASCII);
            // a body signature finds EICAR anywhere in a file; the hash signature the exact test file
            Files.writeString(db.resolve("clientspace-test.ndb"),
                    "Clientspace.Test.EICAR:0:*:" + HexFormat.of().formatHex(eicar) + "\n");
            String md5 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(eicar));
            Files.writeString(db.resolve("clientspace-test.hdb"),
                    md5 + ":" + eicar.length + ":Clientspace.Test.EICAR.File\n");
            Files.writeString(home.resolve("clamd.conf"), String.join("\n",
                    "Foreground yes",
                    "TCPSocket " + port,
                    "TCPAddr 127.0.0.1",
                    "DatabaseDirectory " + db.toAbsolutePath(),
                    "LogFile " + home.resolve("clamd.log").toAbsolutePath(),
                    "LogTime yes",
                    // at least the largest upload the app accepts (FILES_MAX_SIZE_MB)
                    "StreamMaxLength 200M",
                    "MaxFileSize 200M",
                    "MaxScanSize 200M",
                    "") );
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot write clamd's configuration under " + home, e);
        }
    }

    private void startProcess() {
        try {
            process = new ProcessBuilder(executable.toString(), "--config-file=" + home.resolve("clamd.conf"))
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("clamd.out").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + executable, e);
        }
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!answersPing()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("clamd stopped at startup; see " + home.resolve("clamd.out"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("clamd did not answer within " + READY_TIMEOUT + "; see "
                        + home.resolve("clamd.out"));
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            for (int b = in.read(); b > 0; b = in.read()) {
                reply.append((char) b);
            }
            return reply.toString().strip().equals("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "clamd on 127.0.0.1:" + port;
    }
}
