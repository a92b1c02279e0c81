package io.clientspace.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.shared.Registration;
import java.util.Optional;

/**
 * One Apache ECharts chart (free, Apache 2.0; Vaadin Charts is commercial). The server sends the ECharts option as
 * JSON; the element {@code <cs-echart>} adds Lumo's colours and font, decal patterns for readers who cannot tell
 * colours apart, and reports clicks on data items.
 * <p>
 * The element and ECharts come from npm, built by tools/frontend into one committed ES module that the app serves
 * as a static file, so Vaadin keeps its pre-compiled bundle and nothing needs Node.js at run time. Why, and how to
 * change it: docs/decisions/DD019-charts-and-the-frontend-bundle.md.
 */
@Tag("cs-echart")
public class EChart extends Component implements HasSize {

    /** The module built from tools/frontend/src/cs-echart.js, below the servlet context. */
    static final String MODULE = "/frontend-bundles/cs-echart.js";

    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        // Loaded once per page: the UI keeps track of the dependencies it has already sent. Vaadin wants an absolute
        // path here, so the context path (empty unless the app is deployed below one) goes in front.
        String context = Optional.ofNullable(VaadinRequest.getCurrent()).map(VaadinRequest::getContextPath)
                .orElse("");
        attachEvent.getUI().getPage().addJsModule(context + MODULE);
    }

    /** @param optionJson an ECharts option object as JSON, never null */
    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }

    public Registration addItemClickListener(ComponentEventListener<ItemClickEvent> listener) {
        return addListener(ItemClickEvent.class, listener);
    }

    /** A click on a data item (a bar, a point): which series and which item in it. */
    @DomEvent("cs-item-click")
    public static class ItemClickEvent extends ComponentEvent<EChart> {
        private final int seriesIndex;
        private final int dataIndex;

        public ItemClickEvent(EChart source, boolean fromClient,
                @EventData("event.detail.seriesIndex") int seriesIndex,
                @EventData("event.detail.dataIndex") int dataIndex) {
            super(source, fromClient);
            this.seriesIndex = seriesIndex;
            this.dataIndex = dataIndex;
        }

        public int seriesIndex() {
            return seriesIndex;
        }

        public int dataIndex() {
            return dataIndex;
        }
    }
}
