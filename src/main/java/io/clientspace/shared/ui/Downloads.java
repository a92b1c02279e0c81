package io.clientspace.shared.ui;

import com.vaadin.flow.component.UI;

/**
 * Starts a browser download from a presigned storage link. A hidden frame fetches the link: the browser saves the
 * file (the link says "attachment") and the page stays as it is; moving the page itself to the link would stop the
 * UI from talking to the server.
 */
public final class Downloads {

    private Downloads() {
    }

    public static void start(UI ui, String link) {
        ui.getPage().executeJs("""
                const frame = document.createElement('iframe');
                frame.style.display = 'none';
                frame.src = $0;
                document.body.appendChild(frame);
                setTimeout(() => frame.remove(), 300000);""", link);
    }
}
