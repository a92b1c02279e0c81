package io.clientspace.file;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible store. {@code endpoint} is what the app calls; {@code publicEndpoint} is what presigned URLs
 * handed to a browser point at (in Docker these differ).
 */
@ConfigurationProperties("clientspace.storage")
public record StorageProperties(String endpoint, String publicEndpoint, String accessKey, String secretKey,
                                String bucket, String region) {
}
