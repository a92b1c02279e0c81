package io.clientspace.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasDynamicTitle;

/** Views set a translated page title that the layout's header shows too. */
public interface Titled extends HasDynamicTitle {

    /** What every browser tab title ends with; the header leaves it out. */
    String SUFFIX = " · Clientspace";

    String titleKey();

    @Override
    default String getPageTitle() {
        return ((Component) this).getTranslation(titleKey()) + SUFFIX;
    }
}
