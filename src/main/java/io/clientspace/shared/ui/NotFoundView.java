package io.clientspace.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

/** Any address that leads nowhere. */
public class NotFoundView extends Div implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new ErrorPage(VaadinIcon.SEARCH, getTranslation("error.not-found.title"),
                getTranslation("error.not-found.text")));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
