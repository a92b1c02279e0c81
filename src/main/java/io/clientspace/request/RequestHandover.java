package io.clientspace.request;

import io.clientspace.shared.Handover;
import io.clientspace.shared.HandoverLine;
import io.clientspace.shared.HandoverParticipant;
import java.util.List;
import org.springframework.stereotype.Component;

/** A departing colleague's open client requests go to the successor; one the successor cannot open blocks it. */
@Component
class RequestHandover implements HandoverParticipant {

    private final ClientRequestService requests;

    RequestHandover(ClientRequestService requests) {
        this.requests = requests;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<HandoverLine> preview(Handover handover) {
        return requests.handoverPreview(handover);
    }

    @Override
    public void handOver(Handover handover) {
        requests.handOver(handover);
    }
}
