package io.clientspace.shared.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import io.clientspace.shared.ModuleOffException;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page of a module the firm switched off, opened by a bookmark or an old link: it says that this part of
 * Clientspace is switched off, with the way home (DD034). Its data is kept. Error views need an access annotation
 * under Vaadin's access control, or it shows the access-denied page instead; any signed-in user may read this one.
 */
@PermitAll
public class ModuleOffView extends Div implements HasErrorParameter<ModuleOffException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ModuleOffException> parameter) {
        removeAll();
        setId("module-off");
        String module = getTranslation(parameter.getException().module().nameKey());
        add(new ErrorPage(VaadinIcon.PLUG, getTranslation("module.off.title", module),
                getTranslation("module.off.text", module)));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
