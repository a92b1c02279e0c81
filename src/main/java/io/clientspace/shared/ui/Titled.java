package io.clientspace.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.HasDynamicTitle;

/** Views set a translated page title that the layout's header shows too. */
public interface Titled extends HasDynamicTitle {

    String titleKey();

    @Override
    default String getPageTitle() {
        String title = ((Component) this).getTranslation(titleKey());
        ((Component) this).getElement().setAttribute("data-title", title);
        return title + " · Clientspace";
    }
}
