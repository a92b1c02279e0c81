package io.clientspace.deal;

import io.clientspace.shared.Handover;
import io.clientspace.shared.HandoverLine;
import io.clientspace.shared.HandoverParticipant;
import java.util.List;
import org.springframework.stereotype.Component;

/** A departing colleague's open deals go to the successor, with their stage tasks. */
@Component
class DealHandover implements HandoverParticipant {

    private final DealService deals;

    DealHandover(DealService deals) {
        this.deals = deals;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<HandoverLine> preview(Handover handover) {
        return deals.handoverPreview(handover);
    }

    @Override
    public void handOver(Handover handover) {
        deals.handOver(handover);
    }
}
