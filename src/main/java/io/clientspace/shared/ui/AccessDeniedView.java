package io.clientspace.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import jakarta.servlet.http.HttpServletResponse;

/** A page the signed-in user's role does not open: staff pages for customers and portal pages for staff. */
public class AccessDeniedView extends Div implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        setId("access-denied");
        add(new ErrorPage(VaadinIcon.LOCK, getTranslation("error.denied.title"), getTranslation("error.denied.text")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
