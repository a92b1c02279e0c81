package io.clientspace.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.clientspace.support.ClientspaceIntegrationTest;
import jakarta.servlet.MultipartConfigElement;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The running server bounds request bodies by the upload limit, multipart or not, before reading them. */
@ClientspaceIntegrationTest
class UploadLimitsIntegrationTests {

    @Autowired
    MultipartConfigElement multipart;
    @Autowired
    FileProperties limits;
    @LocalServerPort
    int port;

    @Test
    void multipartRequestsAreBoundedByTheFileLimitPlusRoomForTheirFraming() {
        assertThat(multipart.getMaxFileSize()).isEqualTo(limits.maxSizeBytes());
        assertThat(multipart.getMaxRequestSize()).as("bounded, not -1").isPositive()
                .isLessThanOrEqualTo(limits.maxSizeBytes() + UploadLimits.FRAMING);
    }

    @Test
    void aRawUploadDeclaringMoreThanTheLimitIsAnswered413BeforeItsBodyIsSent() throws Exception {
        long tooMuch = limits.maxSizeBytes() * 40;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /VAADIN/dynamic/resource/0/00000000-0000-0000-0000-000000000000/upload HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/octet-stream\r\n"
                    + "Content-Length: " + tooMuch + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 413");
        }
    }
}
