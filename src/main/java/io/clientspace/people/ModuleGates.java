package io.clientspace.people;

import io.clientspace.shared.ModuleGate;
import io.clientspace.shared.Modules;
import io.clientspace.shared.PlanLimited;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns {@link ModuleGate} and {@link PlanLimited} on service methods into checks, so that a module's services refuse
 * calls while it is off and a capped change is refused past its plan's cap, with one annotation per entry point
 * instead of a check and a new dependency in every service (DD034). Infrastructure advisors, as Spring's own method
 * security, so that the auto-proxy creator applies them with or without AspectJ on the classpath.
 */
@Configuration(proxyBeanMethods = false)
class ModuleGates {

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor moduleGateAdvisor(ObjectProvider<Modules> modules) {
        MethodInterceptor gate = invocation -> {
            ModuleGate on = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), ModuleGate.class);
            if (on != null) {
                modules.getObject().requireOn(on.value());
            }
            return invocation.proceed();
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(ModuleGate.class), gate);
        // before the transaction opens: a refused call costs nothing
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return advisor;
    }

    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor planLimitAdvisor(ObjectProvider<Modules> modules,
                                    ObjectProvider<PlatformTransactionManager> transactions) {
        MethodInterceptor limit = invocation -> {
            PlanLimited capped = AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), PlanLimited.class);
            if (capped == null) {
                return invocation.proceed();
            }
            // the check runs after the change and inside its transaction (joined, or opened here), so that a refusal
            // rolls the change back and a change that takes no new seat passes
            return new TransactionTemplate(transactions.getObject()).execute(status -> {
                try {
                    Object result = invocation.proceed();
                    modules.getObject().requireWithin(capped.value());
                    return result;
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
            });
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
                AnnotationMatchingPointcut.forMethodAnnotation(PlanLimited.class), limit);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 200);
        return advisor;
    }
}
