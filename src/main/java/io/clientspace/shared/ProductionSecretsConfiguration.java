package io.clientspace.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link ProductionSecrets}; static, so it runs before any other bean of the app is made. */
@Configuration(proxyBeanMethods = false)
class ProductionSecretsConfiguration {

    @Bean
    static ProductionSecrets productionSecrets() {
        return new ProductionSecrets();
    }
}
