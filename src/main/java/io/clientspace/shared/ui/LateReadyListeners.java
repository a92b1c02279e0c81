package io.clientspace.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * Calls a {@code DOMContentLoaded} listener that a script adds after the page was parsed, at once, instead of never.
 * <p>
 * Why: Flow's client ({@code FlowClient}, compiled by GWT) is loaded after Vaadin's component bundle has run, long
 * after the page was parsed. Its start-up code waits for {@code DOMContentLoaded}, which has already fired, or else
 * checks {@code document.readyState} every 50 ms. So every page waited for that first check before Flow asked the
 * server for the view: 52 ms in the workspace's traced visit, doing nothing (issue 19 §5, DD044). A listener added
 * this late only asks "is the page parsed?", and it is; this answers it the moment it is asked, in a microtask,
 * after the adding script has run to its end, as the event would have.
 * <p>
 * The script is sent in the head of Vaadin's index page, before any other script of the page runs. It changes
 * nothing for listeners added while the page is still being parsed, nor for any other event.
 */
@Component
public class LateReadyListeners implements VaadinServiceInitListener {

    static final String SCRIPT = """
            (function () {
              var add = document.addEventListener;
              document.addEventListener = function (type, listener, options) {
                add.call(this, type, listener, options);
                if (type !== 'DOMContentLoaded' || document.readyState === 'loading' || !listener) return;
                var call = typeof listener === 'function' ? listener
                    : typeof listener.handleEvent === 'function' ? listener.handleEvent.bind(listener) : null;
                if (!call) return;
                var event = new Event('DOMContentLoaded');
                Promise.resolve().then(function () { call.call(document, event); });
              };
            })();""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().head()
                .prependElement("script").attr("id", "late-ready-listeners")
                .appendChild(new org.jsoup.nodes.DataNode(SCRIPT)));
    }
}
