package io.clientspace.support;

import io.clientspace.devservices.DevServicesInitializer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole app on a random port against the real PostgreSQL, Keycloak and S3 server of {@link DevServicesInitializer}.
 * Every integration and browser test uses exactly this, so Spring builds one context per run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = DevServicesInitializer.class)
public @interface ClientspaceIntegrationTest {
}
