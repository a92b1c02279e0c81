package io.clientspace.file;

import io.minio.MinioClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    MinioClient minioClient(StorageProperties storage) {
        return MinioClient.builder()
                .endpoint(storage.endpoint())
                .region(storage.region())
                .credentials(storage.accessKey(), storage.secretKey())
                .build();
    }
}
