package io.clientspace.security;

import com.vaadin.flow.server.VaadinRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where the request being handled right now came from: the address and the browser's User-Agent, as evidence keeps
 * them. The address is the servlet container's remote address, which Tomcat's RemoteIpValve has already resolved
 * behind the trusted proxies of {@code server.tomcat.remoteip.internal-proxies}: the right-most hop that is not one
 * of them, never the left-most X-Forwarded-For entry a client may write itself. Not the address stored when the
 * session began (Vaadin's WebBrowser), which may be another network by the time the customer accepts.
 *
 * @param ipAddress null when no request is being handled (a background job)
 * @param userAgent null when the browser sent none
 */
public record RequestOrigin(String ipAddress, String userAgent) {

    /** The origin of the Vaadin or servlet request on this thread; both parts null outside a request. */
    public static RequestOrigin current() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            return new RequestOrigin(vaadin.getRemoteAddr(), vaadin.getHeader("User-Agent"));
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return of(attributes.getRequest());
        }
        return new RequestOrigin(null, null);
    }

    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
