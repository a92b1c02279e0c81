package io.clientspace.file;

import org.springframework.context.annotation.Primary;
import io.minio.MinioClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    @Primary
    MinioClient minioClient(StorageProperties storage) {
        return MinioClient.builder()
                .endpoint(storage.endpoint())
                .region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey())
                .build();
    }

    /**
     * Signs download links for browsers, with the address they reach storage at (in Docker not the app's). Signing
     * is local: with the region set, this client never calls the server.
     */
    @Bean("presigner")
    MinioClient presigner(StorageProperties storage) {
        return MinioClient.builder()
                .endpoint(storage.publicEndpoint())
                .region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey())
                .build();
    }
}
