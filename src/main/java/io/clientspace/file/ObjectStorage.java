package io.clientspace.file;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The bucket all client files live in. Created on start when missing (docker compose creates it up front). */
@Component
class ObjectStorage {

    private static final Logger log = LoggerFactory.getLogger(ObjectStorage.class);

    private final MinioClient minio;
    private final StorageProperties storage;

    ObjectStorage(MinioClient minio, StorageProperties storage) {
        this.minio = minio;
        this.storage = storage;
    }

    // before "ready": demo data and anything else that runs when the app is ready may store files right away
    @EventListener(ApplicationStartedEvent.class)
    void ensureBucket() {
        try {
            if (!bucketExists()) {
                minio.makeBucket(MakeBucketArgs.builder().bucket(storage.bucket()).region(storage.region()).build());
                log.info("Created bucket {}", storage.bucket());
            }
        } catch (Exception e) {
            // Health reports it; the app still serves everything that does not need files
            log.error("Object storage at {} is not reachable: {}", storage.endpoint(), e.getMessage());
        }
    }

    boolean bucketExists() throws Exception {
        return minio.bucketExists(BucketExistsArgs.builder().bucket(storage.bucket()).region(storage.region()).build());
    }
}
