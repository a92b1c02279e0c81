package io.clientspace.shared;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * Declarative transactions as Spring Boot would set them up (class-based proxies), with one difference: the
 * transaction advice has an explicit order, ahead of {@link OncePerPublication}, so that an event listener claims its
 * publication inside the same transaction as its work. Left to Spring Boot, both would have the lowest precedence
 * and their order would be an accident of bean registration.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement(proxyTargetClass = true, order = ListenerTransactions.ORDER)
class ListenerTransactions {

    /** Just ahead of {@link OncePerPublication#ORDER}; everything else keeps its place relative to transactions. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 1;

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static OncePerPublication oncePerPublication(ObjectProvider<JdbcTemplate> jdbc,
                                                 ObjectProvider<EventSerializer> serializer,
                                                 ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        return new OncePerPublication(jdbc, serializer, meters, clock);
    }
}
