package io.clientspace.file;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The upload size limit (FILES_MAX_SIZE_MB) enforced while the bytes stream in, not after they are on disk: the
 * container's multipart parser stops a part past the limit and a request past the limit plus room for the multipart
 * framing, and {@link RequestBodyLimitFilter} does the same for every other body. Replaces Spring Boot's
 * spring.servlet.multipart settings, which cannot follow FILES_MAX_SIZE_MB with that room; Vaadin's servlet
 * registration picks this MultipartConfigElement up too.
 */
@Configuration
class UploadLimits {

    /** Room for multipart boundaries, part headers and the small form fields next to the file. */
    static final long FRAMING = 1024 * 1024;

    @Bean
    MultipartConfigElement multipartConfigElement(FileProperties limits) {
        long file = limits.maxSizeBytes();
        // parts up to 1 MB stay in memory; larger ones go to a temporary file, never more than the limit of it
        return new MultipartConfigElement("", file, file + FRAMING, 1024 * 1024);
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(FileProperties limits) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(limits.maxSizeBytes() + FRAMING));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
