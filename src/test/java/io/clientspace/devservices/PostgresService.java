package io.clientspace.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Real PostgreSQL binaries from Maven Central (zonky). In RUN mode the data directory survives restarts. */
final class PostgresService implements AutoCloseable {

    static final int RUN_PORT = 15432;
    private final EmbeddedPostgres pg;

    private PostgresService(EmbeddedPostgres pg) {
        this.pg = pg;
    }

    static PostgresService start(DevServices.Mode mode, Path home) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("fsync", mode == DevServices.Mode.TEST ? "off" : "on");
            if (mode == DevServices.Mode.RUN) {
                Path data = home.resolve("postgres");
                Files.createDirectories(data);
                builder.setDataDirectory(data).setCleanDataDirectory(false).setPort(RUN_PORT);
            }
            return new PostgresService(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Embedded PostgreSQL did not start", e);
        }
    }

    String jdbcUrl() {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        pg.close();
    }
}
