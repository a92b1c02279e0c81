package io.clientspace.file;

import java.io.OutputStream;
import java.util.Arrays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The size limit holds while the body streams in: a body that declares too much is refused unread, and one that does
 * not say its length (chunked) stops being read just past the limit, long before it ends.
 */
class RequestBodyLimitFilterTests {

    static final long LIMIT = 1024 * 1024;

    @Test
    void aBodyDeclaringMoreThanTheLimitIsRefusedWithoutReadingIt() throws Exception {
        AtomicLong pulled = new AtomicLong();
        MockHttpServletRequest request = endless("POST", pulled);
        request.addHeader("Content-Length", String.valueOf(LIMIT * 100));
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicBoolean reached = new AtomicBoolean();

        new RequestBodyLimitFilter(LIMIT).doFilter(request, response, (req, res) -> reached.set(true));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(reached).as("the app never sees it").isFalse();
        assertThat(pulled.get()).isZero();
    }

    @Test
    void aRawBodyWithoutLengthStopsJustPastTheLimitNeverReadInFull() {
        AtomicLong pulled = new AtomicLong();
        MockHttpServletRequest request = endless("POST", pulled);
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThatThrownBy(() -> new RequestBodyLimitFilter(LIMIT).doFilter(request, response, (req, res) -> {
            // an upload handler copying the body to a temporary file
            ((HttpServletRequest) req).getInputStream().transferTo(OutputStream.nullOutputStream());
        })).isInstanceOf(RequestBodyLimitFilter.BodyTooLargeException.class);

        assertThat(pulled.get()).as("bytes taken off the wire").isGreaterThan(LIMIT).isLessThanOrEqualTo(LIMIT + 1);
    }

    @Test
    void aBodyWithinTheLimitPassesUnchanged() throws Exception {
        byte[] body = new byte[(int) LIMIT];
        Arrays.fill(body, (byte) 7);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/upload");
        request.setContent(body);
        AtomicLong seen = new AtomicLong();

        new RequestBodyLimitFilter(LIMIT).doFilter(request, new MockHttpServletResponse(), (req, res) ->
                seen.set(((HttpServletRequest) req).getInputStream().readAllBytes().length));

        assertThat(seen.get()).isEqualTo(LIMIT);
    }

    /** A request whose body never ends (like an attacker's chunked stream); counts what was read from it. */
    private static MockHttpServletRequest endless(String method, AtomicLong pulled) {
        return new MockHttpServletRequest(method, "/upload") {
            @Override
            public ServletInputStream getInputStream() {
                return new ServletInputStream() {
                    @Override
                    public int read() {
                        pulled.incrementAndGet();
                        return 'x';
                    }

                    @Override
                    public int read(byte[] b, int off, int len) {
                        Arrays.fill(b, off, off + len, (byte) 'x');
                        pulled.addAndGet(len);
                        return len;
                    }

                    @Override
                    public boolean isFinished() {
                        return false;
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        throw new UnsupportedOperationException();
                    }
                };
            }

            @Override
            public long getContentLengthLong() {
                String declared = getHeader("Content-Length");
                return declared == null ? -1 : Long.parseLong(declared);
            }
        };
    }
}
