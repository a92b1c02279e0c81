package io.clientspace.client;

import io.clientspace.shared.Handover;
import io.clientspace.shared.HandoverLine;
import io.clientspace.shared.HandoverParticipant;
import java.util.List;
import org.springframework.stereotype.Component;

/** A departing colleague's clients go to the successor first: the later parts of a handover rely on it. */
@Component
class ClientHandover implements HandoverParticipant {

    private final ClientService clients;

    ClientHandover(ClientService clients) {
        this.clients = clients;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<HandoverLine> preview(Handover handover) {
        return clients.handoverPreview(handover);
    }

    @Override
    public void handOver(Handover handover) {
        clients.handOver(handover);
    }
}
