package io.clientspace.file;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * A small client for clamd's INSTREAM command over TCP: {@code zINSTREAM\0}, then the bytes in chunks (each a 4-byte
 * big-endian length and the data), a zero-length chunk to end, and one reply terminated by NUL: {@code stream: OK},
 * {@code stream: <signature> FOUND}, or an error. Every other outcome (no connection, a timeout, an error reply such
 * as "INSTREAM size limit exceeded") is {@link Verdict#UNAVAILABLE}: the file was not scanned, which is never the same
 * as clean. clamd's StreamMaxLength must be at least the largest upload (FILES_MAX_SIZE_MB).
 */
@Component
public class VirusScanner {

    private static final int CHUNK = 64 * 1024;

    /** What a scan said. */
    public enum Verdict { CLEAN, INFECTED, UNAVAILABLE }

    /** @param detail the signature found, or why there is no verdict; null when clean */
    public record Result(Verdict verdict, String detail) {

        public boolean clean() {
            return verdict == Verdict.CLEAN;
        }
    }

    private final AntivirusProperties properties;

    public VirusScanner(AntivirusProperties properties) {
        this.properties = properties;
    }

    /** Scans the stream's bytes (read to its end, not closed). */
    public Result scan(InputStream content) {
        int timeout = (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(properties.host(), properties.port()), timeout);
            socket.setSoTimeout(timeout);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[CHUNK];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                if (n > 0) {
                    out.writeInt(n);
                    out.write(buffer, 0, n);
                }
            }
            out.writeInt(0);
            out.flush();
            return interpret(readReply(socket.getInputStream()));
        } catch (IOException e) {
            // clamd closes the connection when a stream exceeds its StreamMaxLength; that, too, is no verdict
            return new Result(Verdict.UNAVAILABLE, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Whether clamd answers PING with PONG right now. */
    public boolean reachable() {
        int timeout = (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis());
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(properties.host(), properties.port()), timeout);
            socket.setSoTimeout(timeout);
            socket.getOutputStream().write("zPING\0".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return "PONG".equals(readReply(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    static Result interpret(String reply) {
        // "stream: OK", "stream: Eicar-Test-Signature FOUND", "INSTREAM size limit exceeded. ERROR"
        String body = reply.startsWith("stream:") ? reply.substring("stream:".length()).strip() : reply.strip();
        if (body.equals("OK")) {
            return new Result(Verdict.CLEAN, null);
        }
        if (body.endsWith(" FOUND")) {
            return new Result(Verdict.INFECTED, body.substring(0, body.length() - " FOUND".length()).strip());
        }
        return new Result(Verdict.UNAVAILABLE, reply);
    }

    private static String readReply(InputStream in) throws IOException {
        ByteArrayOutputStream reply = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0; b = in.read()) {
            if (reply.size() > 4096) {
                throw new IOException("clamd's reply is too long");
            }
            reply.write(b);
        }
        return reply.toString(StandardCharsets.US_ASCII).strip();
    }
}
