package io.clientspace.support;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For unit tests of components without a browser: each test runs with a fresh {@link UI} as the current one (what
 * {@code getTranslation}, {@code getUI} and {@code UI.getCurrent()} reach), and none is left behind.
 * Use with {@code @ExtendWith(CurrentUi.class)}.
 */
public class CurrentUi implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        UI.setCurrent(new UI());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        UI.setCurrent(null);
    }
}
