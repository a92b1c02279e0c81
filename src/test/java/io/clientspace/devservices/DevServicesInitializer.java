package io.clientspace.devservices;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Starts the dev services before the context refreshes and points the app at them. */
public class DevServicesInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private final DevServices.Mode mode;

    /** Used by tests through @ContextConfiguration. */
    public DevServicesInitializer() {
        this(DevServices.Mode.TEST);
    }

    public DevServicesInitializer(DevServices.Mode mode) {
        this.mode = mode;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("devservices", DevServices.start(mode)));
        if (mode == DevServices.Mode.TEST) {
            context.addBeanFactoryPostProcessor(factory -> factory.addBeanPostProcessor(TestClock.wrapper()));
        }
    }
}
