package io.clientspace.file;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** Up when the store answers and the bucket exists. */
@Component
class ObjectStorageHealthIndicator extends AbstractHealthIndicator {

    private final ObjectStorage storage;
    private final StorageProperties properties;

    ObjectStorageHealthIndicator(ObjectStorage storage, StorageProperties properties) {
        super("Object storage health check failed");
        this.storage = storage;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        builder.withDetail("endpoint", properties.endpoint()).withDetail("bucket", properties.bucket());
        if (storage.bucketExists()) {
            builder.up();
        } else {
            builder.down().withDetail("error", "bucket missing");
        }
    }
}
