package io.clientspace.devservices;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;

/** An S3-compatible server in-process (s3proxy, AWS V4 auth); on disk in RUN mode, in memory for tests. */
public final class S3Service implements AutoCloseable {

    static final String ACCESS_KEY = "clientspace";
    static final String SECRET_KEY = "clientspace-secret";
    static final int RUN_PORT = 19000;

    private final S3Proxy proxy;
    private final int port;

    private S3Service(S3Proxy proxy, int port) {
        this.proxy = proxy;
        this.port = port;
    }

    static S3Service start(DevServices.Mode mode, Path home) {
        try {
            Properties props = new Properties();
            String provider;
            if (mode == DevServices.Mode.RUN) {
                Path dir = home.resolve("s3");
                Files.createDirectories(dir);
                provider = "filesystem-nio2";
                props.setProperty("jclouds.filesystem.basedir", dir.toString());
            } else {
                provider = "transient-nio2";
            }
            var blobStore = BlobStores.create(provider, props);
            int port = mode == DevServices.Mode.RUN ? RUN_PORT : Ports.free();
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(blobStore)
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .endpoint(URI.create("http://127.0.0.1:" + port))
                    .build();
            proxy.start(); // returns once Jetty listens
            return new S3Service(proxy, port);
        } catch (Exception e) {
            throw new IllegalStateException("S3 server did not start", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops the server, e.g. to test what happens when storage fails. */
    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
