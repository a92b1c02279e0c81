package io.clientspace.client;

import io.clientspace.client.domain.ClientEntity;
import io.clientspace.client.domain.ClientRepository;
import io.clientspace.shared.Handover;
import io.clientspace.shared.HandoverLine;
import io.clientspace.shared.HandoverParticipant;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A departing colleague's clients go to the successor first: the later parts of a handover rely on it. */
@Component
class ClientHandover implements HandoverParticipant {

    static final String KIND = "handover.kind.client";

    private final ClientRepository clients;
    private final Clock clock;

    ClientHandover(ClientRepository clients, Clock clock) {
        this.clients = clients;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HandoverLine> preview(Handover handover) {
        return clients.findAllOwnedBy(handover.from()).stream()
                .map(c -> new HandoverLine(KIND, c.getId(), c.getName(), c.getName(), HandoverLine.Outcome.MOVES))
                .toList();
    }

    @Override
    @Transactional
    public void handOver(Handover handover) {
        for (ClientEntity c : clients.findAllOwnedBy(handover.from())) {
            c.setOwner(handover.to());
            c.setUpdatedAt(clock.instant());
        }
        clients.flush();
    }
}
